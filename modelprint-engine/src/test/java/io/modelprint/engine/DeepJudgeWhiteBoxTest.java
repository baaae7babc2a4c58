package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.engine.testing.TinyLeNets;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.LayerActivations;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.SyntheticData;
import io.modelprint.verify.CalibrationReference;
import io.modelprint.verify.Calibrator;
import io.modelprint.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * deepjudge-wb on tiny LeNet-5s: the test cases drive the probed layer's units, a fine-tuned copy reads
 * more alike than an independent LeNet-5, a model of another architecture and an ONNX export are refused
 * with the reason, and the file keeps the target's layer and its activations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeepJudgeWhiteBoxTest {
    private static final int CLASSES = 4;
    private static final int TESTS = 24;
    private final ImageDataset train = SyntheticData.bands(240, CLASSES, 12, 12, 1);

    @TempDir
    static Path dir;

    private Path targetDir;
    private Fingerprint fingerprint;

    @BeforeAll
    void fingerprint() {
        targetDir = TinyLeNets.train(dir, train, CLASSES, 3, "target");
        try (DjlClassifier target = ModelLoader.load(targetDir, train.spec())) {
            fingerprint = extract(target, Map.of());
        }
    }

    @Test
    void theTestCasesDriveTheLastHiddenLayersUnitsAndTheTargetIsItself() {
        assertEquals("layers", fingerprint.meta().access());
        assertEquals(84, fingerprint.activations().units(), "LeNet-5's last hidden layer (linear2) has 84 units");
        LayerActivations layer = fingerprint.activations();
        int driven = 0;
        for (int t = 0; t < TESTS; t++) {
            double others = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < TESTS; s++) {
                others = s == t ? others : Math.max(others, layer.at(s, t % layer.units()));
            }
            driven += layer.at(t, t % layer.units()) > others ? 1 : 0;
        }
        // by chance (the seeds themselves) about 1 in 24 would; dead units cannot be driven at all
        assertTrue(driven >= TESTS / 2, driven + " of " + TESTS + " test cases drive their unit above every other case");
        int converged = ((Number) fingerprint.meta().stats().get("converged")).intValue();
        assertTrue(converged >= 1, "some test case reached 3 x its unit's largest seed output");
        try (DjlClassifier target = ModelLoader.load(targetDir, train.spec())) {
            assertEquals(1.0, similarity(fingerprint, target), 1e-6);
        }
    }

    @Test
    void aFineTunedCopyReadsMoreAlikeThanAnIndependentModelOfTheSameArchitecture() {
        double copy;
        try (DjlClassifier tuned = ModelLoader.load(targetDir, train.spec())) {
            ModelTrainer.fit(tuned.model(), SyntheticData.bands(120, CLASSES, 12, 12, 5), new TrainingConfig(1, 32, 1e-3f, 6, 0),
                    ProgressListener.NONE);
            copy = similarity(fingerprint, tuned);
        }
        double independent;
        try (DjlClassifier other = ModelLoader.load(TinyLeNets.train(dir, train, CLASSES, 4, "independent"), train.spec())) {
            independent = similarity(fingerprint, other);
        }
        assertTrue(copy < 1 - 1e-4, "fine-tuning moved the layer: " + copy);
        assertTrue(copy > independent + 0.15, "fine-tuned copy " + copy + ", independent LeNet-5 " + independent);
    }

    @Test
    void calibratedOnIndependentLeNetsAFineTunedCopyGetsASmallerPValueThanAnotherIndependentOne() {
        java.util.List<CalibrationReference> references = new java.util.ArrayList<>();
        for (int seed = 10; seed < 13; seed++) {
            Path reference = TinyLeNets.train(dir, train, CLASSES, seed, "reference-" + seed);
            references.add(new CalibrationReference("reference-" + seed, "same-architecture", null,
                    f -> ModelLoader.load(reference, train.spec())));
        }
        Fingerprint calibrated = Calibrator.calibrate(fingerprint, "deepjudge-wb.npz", references, ProgressListener.NONE, w -> { });
        Verifier verifier = new Verifier((Double) null);
        double copy;
        try (DjlClassifier tuned = ModelLoader.load(targetDir, train.spec())) {
            ModelTrainer.fit(tuned.model(), SyntheticData.bands(120, CLASSES, 12, 12, 5), new TrainingConfig(1, 32, 1e-3f, 6, 0),
                    ProgressListener.NONE);
            copy = verifier.verify(calibrated, tuned).pValue();
        }
        double independent;
        try (DjlClassifier other = ModelLoader.load(TinyLeNets.train(dir, train, CLASSES, 14, "independent-14"), train.spec())) {
            independent = verifier.verify(calibrated, other).pValue();
        }
        assertTrue(copy < independent, "fine-tuned copy p " + copy + ", independent p " + independent);
    }

    @Test
    void aModelOfAnotherArchitectureIsRefusedNamingWhereItDiffers() {
        Path mlp = TinyLeNets.train(Architecture.MLP, dir, train, CLASSES, 7, "mlp");
        try (DjlClassifier student = ModelLoader.load(mlp, train.spec())) {
            InputException refused = assertThrows(InputException.class, () -> similarity(fingerprint, student));
            assertTrue(refused.getMessage().contains("deepjudge-wb compares models of one architecture")
                    && refused.getMessage().contains("at layer 1"), refused.getMessage());
        }
    }

    @Test
    void anOnnxExportGivesNoHiddenLayersAndIsRefusedNamingTheSchemesThatWork() throws Exception {
        Path onnx = dir.resolve("target.onnx");
        try (DjlClassifier target = ModelLoader.load(targetDir, train.spec())) {
            Files.write(onnx, OnnxExport.export(target.model(), train.spec(), CLASSES));
        }
        try (Classifier exported = ModelLoader.loadClassifier(onnx, train.spec())) {
            InputException refused = assertThrows(InputException.class, () -> similarity(fingerprint, exported));
            assertTrue(refused.getMessage().contains("offers scores only, but scheme deepjudge-wb compares layers")
                    && refused.getMessage().contains("modeldiff") && refused.getMessage().contains("TorchScript and ONNX files"),
                    refused.getMessage());
        }
    }

    @Test
    void theFileKeepsTheTargetsLayersAndActivations() {
        Path file = dir.resolve("deepjudge-wb.npz");
        FingerprintFile.write(file, fingerprint);
        Fingerprint read = FingerprintFile.read(file);
        assertArrayEquals(fingerprint.activations().values(), read.activations().values());
        assertEquals(fingerprint.meta().network(), read.meta().network());
        assertEquals(null, read.weights(), "the target's weights are not stored");
        assertEquals(1, ((Number) read.meta().parameters().get("layer")).intValue());
        try (DjlClassifier target = ModelLoader.load(targetDir, train.spec())) {
            assertEquals(1.0, similarity(read, target), 1e-6);
        }
    }

    @Test
    void anotherLayerIsProbedByItsPlaceFromTheLogits() {
        try (DjlClassifier target = ModelLoader.load(targetDir, train.spec())) {
            Fingerprint conv = extract(target, Map.of("layer", 3, "maxIter", 20));
            assertEquals(16, conv.activations().units(), "layer 3 back from the logits is conv2, 16 channels");
            InputException missing = assertThrows(InputException.class, () -> extract(target, Map.of("layer", 5)));
            assertTrue(missing.getMessage().contains("has 5 layers with weights") && missing.getMessage().contains("layer=1 to 4"),
                    missing.getMessage());
        }
    }

    private static double similarity(Fingerprint fingerprint, Classifier suspect) {
        return new Verifier((Double) null).verify(fingerprint, suspect).similarity();
    }

    private Fingerprint extract(DjlClassifier target, Map<String, Object> params) {
        Map<String, Object> given = new java.util.HashMap<>(params);
        given.put("n", TESTS);
        return FingerprintExtractor.extract(target, "target", Schemes.create("deepjudge-wb", given, "test"), SeedSource.fromData(train),
                0, ProgressListener.NONE).fingerprint();
    }
}
