package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.engine.testing.ModelOutputs;
import io.modelprint.model.Classifier;
import io.modelprint.model.Scored;
import io.modelprint.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** modelprint's networks written as ONNX answer through ONNX Runtime as they do in PyTorch. */
class OnnxExportTest {
    private final ImageDataset train = SyntheticData.bands(200, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(64, 4, 12, 12, 2);

    @TempDir
    Path dir;

    @Test
    void everySequentialArchitectureGivesTheSameLogitsThroughOnnxRuntime() throws Exception {
        for (Architecture arch : List.of(Architecture.VGG, Architecture.LENET5, Architecture.MLP)) {
            EngineSetup.seed(3);
            try (Model model = ModelLoader.newModel(arch, train.spec(), 4, arch.cliName())) {
                // trained a little, so batch-norm statistics and biases are not their initial values
                ModelTrainer.fit(model, train, new TrainingConfig(1, 32, 1e-3f, 3, 0), ProgressListener.NONE);
                Path file = dir.resolve(arch.cliName() + ".onnx");
                Files.write(file, OnnxExport.export(model, train.spec(), 4));
                float[] expected = ModelOutputs.logits(model, test);
                try (Classifier onnx = ModelLoader.loadClassifier(file, train.spec());
                        NDManager manager = NDManager.newBaseManager()) {
                    Scored scored = assertInstanceOf(Scored.class, onnx);
                    float[] actual = scored.predictLogits(test.images(manager, IntStream.range(0, test.size()).toArray()))
                            .toFloatArray();
                    float largest = 0;
                    for (float v : expected) {
                        largest = Math.max(largest, Math.abs(v));
                    }
                    assertArrayEquals(expected, actual, 1e-4f * Math.max(1, largest), arch + ": logits differ");
                }
            }
        }
    }

    @Test
    void aNonSequentialNetworkIsRefused() {
        try (Model resnet = ModelLoader.newModel(Architecture.RESNET20, train.spec(), 4, "resnet")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> OnnxExport.export(resnet, train.spec(), 4));
            assertTrue(refused.getMessage().contains("ONNX export"), refused.getMessage());
        }
    }
}
