package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.scheme.Schemes;
import io.modelprint.model.Classifier;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.SeedSource;
import io.modelprint.verify.Verifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ONNX suspects through ONNX Runtime; fixtures from scripts/make_torchscript_fixtures.py. */
class OnnxTest {
    private static final InputSpec SPEC = InputSpec.fashionMnist();

    @Test
    void onnxExportAnswersAsTheTorchScriptOriginalAndVerifiesTheSame() {
        try (DjlClassifier torchScript = ModelLoader.load(TorchScriptTest.fixture("tiny-cnn.pt"), SPEC);
                Classifier onnx = ModelLoader.loadClassifier(TorchScriptTest.fixture("tiny-cnn.onnx"), SPEC);
                NDManager manager = NDManager.newBaseManager()) {
            assertEquals(10, onnx.numClasses());
            NDArray x = manager.randomUniform(0, 1, SPEC.batchShape(64));
            float[] images = x.toFloatArray();
            assertArrayEquals(torchScript.predictLabels(images, 64), onnx.predictLabels(images, 64));
            Fingerprint fingerprint = FingerprintExtractor.extract(torchScript, "tiny-cnn.pt",
                    Schemes.create("ipguard", Map.of("k", 0.1, "lr", 0.05, "maxIter", 300, "init", "random", "n", 20), "test"),
                    SeedSource.uniform(SPEC), 2, ProgressListener.NONE).fingerprint();
            assertEquals(1.0, new Verifier(0.5).verify(fingerprint, onnx).matchingRate());
        }
    }

    @Test
    void fixedBatchOnnxAndOnnxTargetsAreRefusedClearly() {
        InputException fixed = assertThrows(InputException.class,
                () -> ModelLoader.loadClassifier(TorchScriptTest.fixture("fixed-batch.onnx"), SPEC));
        assertTrue(fixed.getMessage().contains("fixed-batch.onnx") && fixed.getMessage().contains("does not take"), fixed.getMessage());
        InputException target = assertThrows(InputException.class, () -> ModelLoader.load(TorchScriptTest.fixture("tiny-cnn.onnx"), SPEC));
        assertTrue(target.getMessage().contains("not targets"), target.getMessage());
        InputException missing = assertThrows(InputException.class,
                () -> ModelLoader.loadClassifier(TorchScriptTest.fixture("none.onnx"), SPEC));
        assertTrue(missing.getMessage().contains("none.onnx"), missing.getMessage());
    }
}
