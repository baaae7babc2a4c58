package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.scheme.Schemes;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.SeedSource;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fixtures are made by scripts/make_torchscript_fixtures.py. */
class TorchScriptTest {
    static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name);
    }

    @Test
    void torchScriptWorksAsTargetWithInputGradientsAndAsSuspect() {
        InputSpec spec = InputSpec.fashionMnist();
        try (DjlClassifier target = ModelLoader.load(fixture("tiny-cnn.pt"), spec);
                DjlClassifier same = ModelLoader.load(fixture("tiny-cnn.pt"), spec);
                DjlClassifier other = ModelLoader.load(fixture("tiny-cnn-2.pt"), spec)) {
            assertEquals(10, target.numClasses());
            FingerprintExtractor.Result result = FingerprintExtractor.extract(target, "tiny-cnn.pt",
                    Schemes.create("ipguard", Map.of("k", 0.1, "lr", 0.05, "maxIter", 300, "init", "random", "n", 20), "test"),
                    SeedSource.uniform(spec), 1, ProgressListener.NONE);
            assertTrue(result.generated().convergedCount() >= 18,
                    "gradients reach the input: " + result.generated().convergedCount() + "/20 converged");
            Fingerprint fingerprint = result.fingerprint();
            Verifier verifier = new Verifier(0.5);
            Verdict self = verifier.verify(fingerprint, same);
            assertEquals(1.0, self.matchingRate());
            Verdict independent = verifier.verify(fingerprint, other);
            assertTrue(independent.matchingRate() < 0.5, "independent TorchScript model: " + independent.matchingRate());
        }
    }

    @Test
    void brokenTorchScriptModelsAreReportedClearly() {
        InputSpec spec = InputSpec.fashionMnist();
        InputException garbage = assertThrows(InputException.class, () -> ModelLoader.load(fixture("not-a-model.pt"), spec));
        assertTrue(garbage.getMessage().contains("not-a-model.pt") && garbage.getMessage().contains("TorchScript"), garbage.getMessage());
        InputException wrong = assertThrows(InputException.class, () -> ModelLoader.load(fixture("wrong-output.pt"), spec));
        assertTrue(wrong.getMessage().contains("logits") && wrong.getMessage().contains("got (2, 10, 2)"), wrong.getMessage());
        InputException tuple = assertThrows(InputException.class, () -> ModelLoader.load(fixture("tuple-output.pt"), spec));
        assertTrue(tuple.getMessage().contains("got (2, 10) and (2, 5): a tuple of 2 outputs; modelprint needs one [N, classes] logits tensor"),
                tuple.getMessage());
        try (DjlClassifier nan = ModelLoader.load(fixture("nan-logits.pt"), spec); NDManager manager = NDManager.newBaseManager()) {
            InputException e = assertThrows(InputException.class,
                    () -> nan.predictLabels(manager.zeros(spec.batchShape(2)).toFloatArray(), 2));
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
        InputException shape = assertThrows(InputException.class,
                () -> ModelLoader.load(fixture("tiny-cnn.pt"), InputSpec.unitRange(3, 32, 32)));
        assertTrue(shape.getMessage().contains("does not take") && shape.getMessage().contains(InputSpec.SHAPE_HINT), shape.getMessage());
    }

    @Test
    void torchScriptRunsInEvalModeWithAndWithoutGradients() {
        InputSpec spec = InputSpec.fashionMnist();
        try (DjlClassifier model = ModelLoader.load(fixture("bn-dropout.pt"), spec); NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomUniform(0, 1, spec.batchShape(4));
            float[] first = model.predictLogits(x).toFloatArray();
            float[] second = model.predictLogits(x).toFloatArray();
            assertArrayEquals(first, second, "dropout is off");
            float[] withGradient;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray input = x.duplicate();
                input.setRequiresGradient(true);
                NDArray logits = model.logits(input);
                withGradient = logits.toFloatArray();
                collector.backward(logits.sum());
                assertTrue(input.getGradient().abs().sum().getFloat() > 0, "gradient reaches the input");
            }
            assertArrayEquals(first, withGradient, 1e-5f, "same eval-mode answers while recording gradients");
        }
    }

    @Test
    void aModelDirectoryHoldingTorchScriptLoadsAsItsFile(@org.junit.jupiter.api.io.TempDir Path dir) {
        InputSpec spec = InputSpec.fashionMnist();
        ModelProvenance provenance = new ModelProvenance(ModelProvenance.FORMAT_VERSION, ModelLoader.TORCHSCRIPT_ARCH, spec, 10,
                "fashion-mnist", 0, 0, 0, 0, "pytorch", 0, 0.1, 0, null, null, null, Map.of());
        ModelProvenance saved = ModelStore.save(tmp -> {
            java.nio.file.Files.copy(fixture("tiny-cnn.pt"), tmp.resolve("model.pt"));
            return "model.pt";
        }, provenance, dir.resolve("made-elsewhere"));
        try (io.modelprint.model.Classifier fromDir = ModelLoader.loadClassifier(dir.resolve("made-elsewhere"), InputSpec.unitRange(3, 8, 8));
                DjlClassifier fromFile = ModelLoader.load(fixture("tiny-cnn.pt"), spec); NDManager manager = NDManager.newBaseManager()) {
            float[] x = manager.randomUniform(0, 1, spec.batchShape(5)).toFloatArray();
            assertArrayEquals(fromFile.predictLabels(x, 5), fromDir.predictLabels(x, 5), "the directory's own input spec, not the caller's");
            assertEquals(saved.weightsSha256(), ((DjlClassifier) fromDir).sha256());
        }
    }
}
