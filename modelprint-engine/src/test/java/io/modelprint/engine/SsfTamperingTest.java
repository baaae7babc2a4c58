package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.testing.Tamperings;
import io.modelprint.engine.testing.TinyLeNets;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.model.Classifier;
import io.modelprint.model.Scored;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.NoisyScores;
import io.modelprint.testing.SyntheticData;
import io.modelprint.verify.Decision;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSF on a tiny LeNet-5: the target, its reloaded copy and its ONNX export read "unmodified"; one
 * fine-tuning step, a few pruned weights, tiny noise on one layer, fp16-like rounding and an
 * independent model read "modified"; a suspect whose scores are noisy is refused as not checkable.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsfTamperingTest {
    private static final int CLASSES = 4;
    private static final int SAMPLES = 20;
    private final ImageDataset train = SyntheticData.bands(240, CLASSES, 12, 12, 1);

    @TempDir
    static Path dir;

    private Path targetDir;
    private Fingerprint ssf;
    private Fingerprint ssfHard;

    @BeforeAll
    void fingerprint() {
        targetDir = TinyLeNets.train(dir, train, CLASSES, 3, "target");
        try (DjlClassifier target = ModelLoader.load(targetDir, train.spec())) {
            ssf = extract(target, "ssf");
            ssfHard = extract(target, "ssf-hard");
        }
    }

    @Test
    void theTargetItsReloadedCopyAndItsOnnxExportAreUnmodified() throws Exception {
        try (DjlClassifier target = ModelLoader.load(targetDir, train.spec())) {
            assertUnmodified(target);
            Path onnx = dir.resolve("target.onnx");
            Files.write(onnx, OnnxExport.export(target.model(), train.spec(), CLASSES));
            try (Classifier exported = ModelLoader.loadClassifier(onnx, train.spec())) {
                assertUnmodified(exported);
            }
        }
        try (DjlClassifier reloaded = ModelLoader.load(targetDir, train.spec())) {
            assertUnmodified(reloaded);
        }
    }

    @Test
    void everySmallChangeOfTheWeightsIsModified() {
        Tamperings.all(CLASSES).forEach((name, change) -> {
            try (DjlClassifier copy = ModelLoader.load(targetDir, train.spec())) {
                change.accept(copy.model());
                Verdict verdict = verdict(ssf, copy);
                assertEquals(Decision.MODIFIED, verdict.decision(), name + ": " + verdict);
                Verdict labels = verdict(ssfHard, copy);
                assertEquals(Decision.MODIFIED, labels.decision(), name + " (labels): " + labels);
            }
        });
    }

    @Test
    void anIndependentModelIsModified() {
        try (DjlClassifier other = ModelLoader.load(TinyLeNets.train(dir, train, CLASSES, 4, "independent"), train.spec())) {
            assertEquals(Decision.MODIFIED, verdict(ssf, other).decision());
            assertEquals(Decision.MODIFIED, verdict(ssfHard, other).decision());
        }
    }

    @Test
    void aSuspectThatAnswersTheSameQueryDifferentlyIsNotChecked() {
        try (DjlClassifier target = ModelLoader.load(targetDir, train.spec()); Scored noisy = new NoisyScores(target, 0.01f, 7)) {
            InputException refused = assertThrows(InputException.class, () -> verdict(ssf, noisy));
            assertTrue(refused.getMessage().contains("cannot be checked for tampering"), refused.getMessage());
        }
    }

    private void assertUnmodified(Classifier suspect) {
        Verdict scores = verdict(ssf, suspect);
        assertEquals(Decision.UNMODIFIED, scores.decision(), suspect.description() + ": " + scores);
        Verdict labels = verdict(ssfHard, suspect);
        assertEquals(Decision.UNMODIFIED, labels.decision(), suspect.description() + ": " + labels);
    }

    private static Verdict verdict(Fingerprint fingerprint, Classifier suspect) {
        return new Verifier((Double) null).verify(fingerprint, suspect);
    }

    private Fingerprint extract(DjlClassifier target, String scheme) {
        return FingerprintExtractor.extract(target, "target", Schemes.create(scheme, Map.of("n", SAMPLES, "steps", 30), "test"),
                SeedSource.fromData(train), 0, ProgressListener.NONE).fingerprint();
    }
}
