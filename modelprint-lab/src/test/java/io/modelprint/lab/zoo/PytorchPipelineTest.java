package io.modelprint.lab.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.model.Classifier;
import io.modelprint.testing.SyntheticData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Negatives of another pipeline: trained by PyTorch, kept as TorchScript model directories, asked like any suspect. */
class PytorchPipelineTest {
    private final ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(100, 4, 12, 12, 2);

    @TempDir
    Path dir;

    @Test
    void aModelTrainedByPytorchIsAZooModelAndTheSameSeedMakesTheSameWeights() throws java.io.IOException {
        PytorchPipeline pipeline = PytorchPipeline.system();
        Assumptions.assumeTrue(pipeline.unavailable().isEmpty(), "needs /usr/bin/python3 with torch: " + pipeline.unavailable());
        ZooContext context = new ZooContext(train, test, dir, dir.resolve("target"));
        Map<String, Object> extra = Map.of("zooName", "neg-pytorch-cnn-s7", "kind", "PYTORCH-CNN");
        ModelProvenance made = pipeline.recipe("cnn", 7, 3).build(context, dir.resolve("a"), extra, ProgressListener.NONE);
        assertEquals(ModelLoader.TORCHSCRIPT_ARCH, made.arch());
        assertEquals(PytorchPipeline.WEIGHTS_FILE, made.weightsFile());
        assertEquals(made, ModelLoader.checkIntact(dir.resolve("a")), "a complete model directory, weights checked by hash");
        assertTrue(made.testAccuracy() > 0.6, "learned the bands (chance 0.25): " + made.testAccuracy());
        try (Classifier loaded = ModelLoader.loadClassifier(dir.resolve("a"), train.spec())) {
            assertEquals(made.testAccuracy(), Recipes.accuracy(loaded, test), 1e-12, "the bench asks it as the zoo measured it");
        }
        assertEquals("PYTORCH-CNN", made.extra().get("kind"));
        assertTrue(made.extra().get("madeBy").toString().contains("torch"), made.extra().toString());

        ModelProvenance again = pipeline.recipe("cnn", 7, 3).build(context, dir.resolve("b"), extra, ProgressListener.NONE);
        assertEquals(made.weightsSha256(), again.weightsSha256(), "deterministic for a seed");
        try (var left = java.nio.file.Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "the working data is removed");
        }
    }

    @Test
    void withoutPythonTheRecipeSaysWhyAndRefusesToRun() {
        PytorchPipeline missing = new PytorchPipeline(Path.of("/nonexistent/python3"), Path.of("scripts", PytorchPipeline.SCRIPT));
        Recipe recipe = missing.recipe("mlp", 1, 1);
        assertTrue(recipe.unavailable().orElseThrow().contains("/nonexistent/python3 not found"), recipe.unavailable().toString());
        InputException refused = assertThrows(InputException.class, () -> recipe.build(new ZooContext(train, test, dir, dir),
                dir.resolve("x"), Map.of(), ProgressListener.NONE));
        assertTrue(refused.getMessage().contains("python3-torch"), refused.getMessage());
        assertTrue(new PytorchPipeline(Path.of("/usr/bin/python3"), null).unavailable().orElseThrow().contains("not found"));
    }
}
