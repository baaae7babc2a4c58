package io.modelprint.scheme.ssf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.NoisyScores;
import io.modelprint.testing.PerturbableLinearModel;
import io.modelprint.testing.TinyFingerprints;
import io.modelprint.verify.Calibrator;
import io.modelprint.verify.CombinedVerdict;
import io.modelprint.verify.Decision;
import io.modelprint.verify.DecisionBasis;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssf and ssf-hard on a tiny linear target: samples, verdicts, the randomized suspect and what is refused. */
class SsfSchemeTest {
    private static final int SAMPLES = 8;

    @TempDir
    Path dir;

    private final PerturbableLinearModel target = new PerturbableLinearModel(TinyFingerprints.DATA.spec(), 10, 1);

    private Fingerprint extract(String scheme) {
        return FingerprintExtractor.extract(target, "target", Schemes.create(scheme, Map.of("n", SAMPLES), "test"),
                SeedSource.fromData(TinyFingerprints.DATA), 0, ProgressListener.NONE).fingerprint();
    }

    @Test
    void samplesAreFarMoreSensitiveThanTheDataImagesTheyStartFrom() {
        Fingerprint ssf = extract("ssf");
        WeightSensitivity sensitivity = new WeightSensitivity(target, 0.01f, 16);
        float[] samples = sensitivity.measure(ssf.queries().values(), SAMPLES, 99);
        float[] seeds = sensitivity.measure(SeedSource.fromData(TinyFingerprints.DATA).draw(SAMPLES, new Random(0)), SAMPLES, 99);
        assertTrue(mean(samples) > 1.5 * mean(seeds), "samples " + mean(samples) + ", data images " + mean(seeds));
        for (float v : ssf.queries().values()) {
            assertTrue(v >= 0 && v <= 1, "samples stay in the input range: " + v);
        }
    }

    @Test
    void theTargetIsUnmodifiedAndTinyNoiseOnItsWeightsIsModifiedUnderBothVariants() {
        for (String scheme : List.of("ssf", "ssf-hard")) {
            Fingerprint fingerprint = extract(scheme);
            Verdict same = new Verifier((Double) null).verify(fingerprint, target);
            assertEquals(Decision.UNMODIFIED, same.decision(), scheme + ": " + same);
            assertEquals(DecisionBasis.TOLERANCE, same.basis());
            assertEquals("unmodified (tolerance)", same.decisionText());
            try (PerturbableLinearModel changed = target.withNoise(1e-3f, 4)) {
                Verdict verdict = new Verifier((Double) null).verify(fingerprint, changed);
                assertEquals(Decision.MODIFIED, verdict.decision(), scheme + ": " + verdict);
            }
        }
    }

    @Test
    void aSuspectThatAnswersTheSameSampleDifferentlyIsNotChecked() {
        Fingerprint ssf = extract("ssf");
        InputException refused = assertThrows(InputException.class,
                () -> new Verifier((Double) null).verify(ssf, new NoisyScores(target, 0.01f, 5)));
        assertTrue(refused.getMessage().contains("not checked") && refused.getMessage().contains("cannot be checked for tampering"),
                refused.getMessage());
    }

    @Test
    void tamperingIsNeitherCalibratedNorBundledWithDerivationAndBundlesOfItSayModifiedWhenAnyMemberDoes() {
        Fingerprint ssf = extract("ssf");
        InputException calibrate = assertThrows(InputException.class, () -> Calibrator.requireUsable(ssf, "ssf.npz", List.of()));
        assertTrue(calibrate.getMessage().contains("not calibrated"), calibrate.getMessage());

        Fingerprint ipguard = TinyFingerprints.extract("random", TinyFingerprints.target(2), 5, 0);
        InputException mixed = assertThrows(InputException.class,
                () -> FingerprintFile.writeBundle(dir.resolve("mixed.npz"), List.of(ssf, ipguard)));
        assertTrue(mixed.getMessage().contains("one bundle answers one question"), mixed.getMessage());

        Verdict unmodified = Verdict.of("ssf", io.modelprint.scheme.Question.TAMPERING, 1, 1, false, 8, 8, null, 0.01);
        Verdict modified = Verdict.of("ssf-hard", io.modelprint.scheme.Question.TAMPERING, 0.9, 1, false, 8, 7, null, 0.01);
        assertEquals(Decision.MODIFIED, CombinedVerdict.of(List.of(unmodified, modified), 0.01).decision());
        assertEquals(Decision.UNMODIFIED, CombinedVerdict.of(List.of(unmodified, unmodified), 0.01).decision());
        Verdict derived = Verdict.of("ipguard", 1, 0.5, false, 8, 8, null, 0.01);
        assertThrows(IllegalArgumentException.class, () -> CombinedVerdict.of(List.of(unmodified, derived), 0.01));
    }

    @Test
    void aTamperingFileHoldingACalibrationIsRefusedWhenRead() {
        Fingerprint ssf = extract("ssf");
        Path file = dir.resolve("calibrated.npz");
        FingerprintFile.write(file, ssf.withMeta(ssf.meta().withCalibration(new Calibration("student-t", List.of("a", "b"),
                new double[] {0.1, 0.2}, SAMPLES))));
        InputException refused = assertThrows(InputException.class, () -> FingerprintFile.read(file));
        assertTrue(refused.getMessage().contains("never calibrated") && refused.getMessage().contains(file.toString()),
                refused.getMessage());
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
