package io.modelprint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.MatchingRate;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 5, 5);

    @Test
    void matchingRateCountsAgreeingLabels() {
        MatchingRate rate = new MatchingRate();
        assertEquals(0.75, rate.similarity(new long[] {1, 2, 3, 4}, new long[] {1, 2, 0, 4}));
        assertEquals(0.0, rate.similarity(new long[] {1}, new long[] {2}));
        assertThrows(IllegalArgumentException.class, () -> rate.similarity(new long[] {1}, new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> rate.similarity(new long[0], new long[0]));
    }

    @Test
    void verdictUsesThresholdInclusively() {
        assertEquals(Decision.DERIVED, Verdict.of("ipguard", 0.5, 0.5, 10, 5, null).decision());
        assertEquals(Decision.INDEPENDENT, Verdict.of("ipguard", 0.4, 0.5, 10, 4, null).decision());
        assertThrows(IllegalArgumentException.class, () -> new Verifier(1.5));
    }

    @Test
    void targetMatchesItselfFullyAndAnotherModelLess() {
        try (LinearModel target = new LinearModel(SPEC, 6, 1); LinearModel other = new LinearModel(SPEC, 6, 2)) {
            Fingerprint fingerprint = FingerprintExtractor.extract(target, "t",
                    Schemes.create("ipguard", Map.of("k", 1, "lr", 0.05, "maxIter", 500, "init", "random"), "test"),
                    SeedSource.uniform(SPEC), 50, 3, ProgressListener.NONE).fingerprint();
            Verifier verifier = new Verifier(0.5);
            Verdict self = verifier.verify(fingerprint, target);
            assertEquals(1.0, self.matchingRate());
            assertEquals(Decision.DERIVED, self.decision());
            Verdict independent = verifier.verify(fingerprint, other);
            assertTrue(independent.matchingRate() < 0.5, "independent rate " + independent.matchingRate());
            assertEquals(Decision.INDEPENDENT, independent.decision());
        }
    }

    @Test
    void calibratedFingerprintsGiveAPValueAndUncalibratedOnesNone() {
        try (LinearModel target = new LinearModel(SPEC, 6, 1); LinearModel other = new LinearModel(SPEC, 6, 2)) {
            Fingerprint fingerprint = FingerprintExtractor.extract(target, "t",
                    Schemes.create("ipguard", Map.of("k", 1, "lr", 0.05, "maxIter", 500, "init", "random"), "test"),
                    SeedSource.uniform(SPEC), 50, 3, ProgressListener.NONE).fingerprint();
            Verifier verifier = new Verifier(0.5);
            assertEquals(null, verifier.verify(fingerprint, target).pValue());
            Fingerprint calibrated = new Fingerprint(fingerprint.queries(), fingerprint.labels(), fingerprint.meta().withCalibration(
                    new io.modelprint.fingerprint.Calibration(io.modelprint.fingerprint.Calibration.BETA_BINOMIAL,
                            java.util.List.of("a", "b", "c"), new double[] {0.02, 0.06, 0.04}, 50)));
            Verdict self = verifier.verify(calibrated, target);
            Verdict independent = verifier.verify(calibrated, other);
            assertTrue(self.pValue() < 1e-10, "a full match is far beyond the negatives: " + self.pValue());
            assertTrue(independent.pValue() > self.pValue(), independent + " vs " + self);
            assertEquals(BetaBinomial.fit(new double[] {0.02, 0.06, 0.04}, 50).upperTail(independent.matches(), 50),
                    independent.pValue(), 1e-15);
        }
    }

    @Test
    void suspectWithAnotherInputShapeIsRefusedNamingBoth() {
        try (LinearModel target = new LinearModel(SPEC, 3, 1);
                LinearModel wrong = new LinearModel(InputSpec.unitRange(1, 4, 4), 3, 2)) {
            Fingerprint fingerprint = FingerprintExtractor.extract(target, "t",
                    Schemes.create("ipguard", Map.of("k", 1, "lr", 0.05, "maxIter", 100), "test"), SeedSource.uniform(SPEC), 5, 3,
                    ProgressListener.NONE).fingerprint();
            InputException e = assertThrows(InputException.class, () -> new Verifier(0.5).verify(fingerprint, wrong));
            assertTrue(e.getMessage().contains("1x4x4") && e.getMessage().contains("1x5x5"), e.getMessage());
        }
    }

    @Test
    void aSuspectWithAnotherNumberOfClassesIsRefusedSayingSo() {
        try (LinearModel target = new LinearModel(SPEC, 6, 1); LinearModel fiveClasses = new LinearModel(SPEC, 5, 2)) {
            Fingerprint fingerprint = FingerprintExtractor.extract(target, "t",
                    Schemes.create("ipguard", Map.of("k", 1, "lr", 0.05, "maxIter", 100), "test"), SeedSource.uniform(SPEC), 5, 3,
                    ProgressListener.NONE).fingerprint();
            InputException e = assertThrows(InputException.class, () -> new Verifier(0.5).verify(fingerprint, fiveClasses));
            assertTrue(e.getMessage().contains("5 classes") && e.getMessage().contains("6"), e.getMessage());
        }
    }
}
