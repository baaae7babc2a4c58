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
        Verdict atThreshold = Verdict.of("ipguard", 0.5, 0.5, false, 10, 5, null, 0.01);
        assertEquals(Decision.DERIVED, atThreshold.decision());
        assertEquals(DecisionBasis.DEFAULT_THRESHOLD, atThreshold.basis());
        assertEquals("derived (uncalibrated)", atThreshold.decisionText(), "an uncalibrated verdict says so itself");
        assertEquals(Decision.INDEPENDENT, Verdict.of("ipguard", 0.4, 0.5, false, 10, 4, null, 0.01).decision());
        assertThrows(IllegalArgumentException.class, () -> new Verifier(1.5));
    }

    @Test
    void aCalibratedVerdictFollowsItsPValueNotTheDefaultThreshold() {
        Verdict aboveThreshold = Verdict.of("zest", 0.94, 0.8, false, 500, null, 0.048, 0.01);
        assertEquals(Decision.INDEPENDENT, aboveThreshold.decision(), "p = 0.048 is no evidence at alpha 0.01");
        assertEquals(DecisionBasis.P_VALUE, aboveThreshold.basis());
        assertEquals("independent", aboveThreshold.decisionText());
        assertEquals(Decision.DERIVED, Verdict.of("zest", 0.6, 0.8, false, 500, null, 0.004, 0.01).decision(),
                "below the default threshold but far beyond the references");
        Verdict chosen = Verdict.of("zest", 0.94, 0.8, true, 500, null, 0.048, 0.01);
        assertEquals(Decision.DERIVED, chosen.decision(), "a threshold the user gives decides");
        assertEquals("derived (threshold)", chosen.decisionText());
        assertThrows(IllegalArgumentException.class, () -> new Verifier(null, 0));
    }

    @Test
    void targetMatchesItselfFullyAndAnotherModelLess() {
        try (LinearModel target = new LinearModel(SPEC, 6, 1); LinearModel other = new LinearModel(SPEC, 6, 2)) {
            Fingerprint fingerprint = FingerprintExtractor.extract(target, "t",
                    Schemes.create("ipguard", Map.of("k", 1, "lr", 0.05, "maxIter", 500, "init", "random", "n", 50), "test"),
                    SeedSource.uniform(SPEC), 3, ProgressListener.NONE).fingerprint();
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
                    Schemes.create("ipguard", Map.of("k", 1, "lr", 0.05, "maxIter", 500, "init", "random", "n", 50), "test"),
                    SeedSource.uniform(SPEC), 3, ProgressListener.NONE).fingerprint();
            Verifier verifier = new Verifier(0.5);
            assertEquals(null, verifier.verify(fingerprint, target).pValue());
            Fingerprint calibrated = new Fingerprint(fingerprint.queries(), fingerprint.labels(), fingerprint.meta().withCalibration(
                    new io.modelprint.fingerprint.Calibration(io.modelprint.fingerprint.Calibration.BETA_BINOMIAL,
                            java.util.List.of("a", "b", "c"), new double[] {0.02, 0.06, 0.04}, 50)));
            Verdict self = verifier.verify(calibrated, target);
            Verdict independent = verifier.verify(calibrated, other);
            assertEquals(SupportedPValue.floor(3), self.pValue(), 1e-15,
                    "a full match is beyond every reference, but 3 references support no claim below 10^-0.75");
            assertTrue(independent.pValue() >= self.pValue(), independent + " vs " + self);
            double tail = BetaBinomial.fit(new double[] {0.02, 0.06, 0.04}, 50).upperTail(independent.matches(), 50);
            assertTrue(independent.pValue() >= tail, "never below the beta-binomial tail " + tail);
            if (independent.matchingRate() <= 0.06) {
                assertTrue(independent.pValue() >= 0.5, "a reference matched as often: at least (1 + 1) / (3 + 1)");
            }
        }
    }

    @Test
    void suspectWithAnotherInputShapeIsRefusedNamingBoth() {
        try (LinearModel target = new LinearModel(SPEC, 3, 1);
                LinearModel wrong = new LinearModel(InputSpec.unitRange(1, 4, 4), 3, 2)) {
            Fingerprint fingerprint = FingerprintExtractor.extract(target, "t",
                    Schemes.create("ipguard", Map.of("k", 1, "lr", 0.05, "maxIter", 100, "n", 5), "test"), SeedSource.uniform(SPEC), 3,
                    ProgressListener.NONE).fingerprint();
            InputException e = assertThrows(InputException.class, () -> new Verifier(0.5).verify(fingerprint, wrong));
            assertTrue(e.getMessage().contains("1x4x4") && e.getMessage().contains("1x5x5"), e.getMessage());
        }
    }

    @Test
    void aSuspectWithAnotherNumberOfClassesIsRefusedSayingSo() {
        try (LinearModel target = new LinearModel(SPEC, 6, 1); LinearModel fiveClasses = new LinearModel(SPEC, 5, 2)) {
            Fingerprint fingerprint = FingerprintExtractor.extract(target, "t",
                    Schemes.create("ipguard", Map.of("k", 1, "lr", 0.05, "maxIter", 100, "n", 5), "test"), SeedSource.uniform(SPEC), 3,
                    ProgressListener.NONE).fingerprint();
            InputException e = assertThrows(InputException.class, () -> new Verifier(0.5).verify(fingerprint, fiveClasses));
            assertTrue(e.getMessage().contains("5 classes") && e.getMessage().contains("6"), e.getMessage());
        }
    }
}
