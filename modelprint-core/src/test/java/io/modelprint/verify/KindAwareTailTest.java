package io.modelprint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Calibration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KindAwareTailTest {
    /** 10 weak references matching 1-4 of 100 queries, 4 of the owner's own recipe matching 10-16. */
    private static final double[] RATES = {0.02, 0.03, 0.01, 0.04, 0.02, 0.03, 0.02, 0.01, 0.03, 0.02, 0.10, 0.14, 0.12, 0.16};

    private static Calibration calibration(String model, double[] rates, List<String> kinds) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            names.add("ref" + i);
        }
        return new Calibration(model, names, rates, 100, kinds, null);
    }

    private static List<String> kinds(int weak, int hard) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < weak + hard; i++) {
            kinds.add(i < weak ? "subset" : "same-recipe");
        }
        return kinds;
    }

    @Test
    void theKindsAwareTailIsNeverBelowTheFitOverAllReferences() {
        Calibration plain = calibration(Calibration.BETA_BINOMIAL, RATES, null);
        Calibration kinds = calibration(Calibration.BETA_BINOMIAL, RATES, kinds(10, 4));
        BetaBinomial pooled = BetaBinomial.fit(RATES, 100);
        for (int m = 0; m <= 100; m++) {
            KindAwareTail without = KindAwareTail.of(plain, m / 100.0, m, 100);
            KindAwareTail with = KindAwareTail.of(kinds, m / 100.0, m, 100);
            assertEquals(pooled.upperTail(m, 100), without.value(), 0, "without kinds: the pooled fit, bit for bit");
            assertEquals(KindAwareTail.POOLED, without.decidedBy());
            assertTrue(with.value() >= without.value(), m + " matches: " + with.value() + " < " + without.value());
        }
        KindAwareTail nearTheHardKind = KindAwareTail.of(kinds, 0.18, 18, 100);
        assertEquals("same-recipe", nearTheHardKind.decidedBy(), "a suspect like the owner's own recipe is judged by that kind");
        assertTrue(nearTheHardKind.value() > 3 * nearTheHardKind.pooled(),
                "the mixture's fit is far too sure: " + nearTheHardKind.pooled() + " against " + nearTheHardKind.value());
        assertTrue(KindAwareTail.of(kinds, 0.9, 90, 100).value() < 1e-3, "a copy stays far beyond every kind");
    }

    @Test
    void aKindOfOneReferenceCountsInThePooledFitOnly() {
        double[] rates = {0.02, 0.03, 0.01, 0.04, 0.02, 0.03, 0.02, 0.01, 0.14};
        Calibration oneHard = calibration(Calibration.BETA_BINOMIAL, rates, kinds(8, 1));
        for (int m : new int[] {5, 18, 40}) {
            KindAwareTail tail = KindAwareTail.of(oneHard, m / 100.0, m, 100);
            assertTrue(tail.value() >= tail.pooled());
            assertTrue(!"same-recipe".equals(tail.decidedBy()), "1 reference gets no fit of its own");
        }
    }

    @Test
    void continuousSimilaritiesUseAStudentTFitPerKind() {
        double[] sims = {0.60, 0.62, 0.61, 0.59, 0.63, 0.60, 0.80, 0.83, 0.82};
        List<String> kinds = List.of("subset", "subset", "subset", "subset", "subset", "subset", "same-recipe", "same-recipe",
                "same-recipe");
        Calibration with = calibration(Calibration.STUDENT_T, sims, kinds);
        KindAwareTail tail = KindAwareTail.of(with, 0.85, null, 100);
        assertEquals(StudentTNull.fit(sims).upperTail(0.85), tail.pooled(), 0);
        assertEquals(StudentTNull.fit(new double[] {0.80, 0.83, 0.82}).upperTail(0.85), tail.value(), 1e-12);
        assertEquals("same-recipe", tail.decidedBy());
    }

    /** The quick bench's fleet-llr calibration: a third of each kind chose the queries, 2 same-recipe references were left. */
    @Test
    void aKindOfTwoReferencesIsJudgedByItsOwnMeanWithTheSpreadOfAll() {
        double[] llr = {-0.226, -0.207, -0.228, -0.213, -0.019, 0.164, -0.408, -0.399, -0.124};
        List<String> kinds = List.of("other-arch", "other-arch", "other-arch", "same-recipe", "same-recipe", "subset", "subset",
                "subset", "subset");
        Calibration calibration = calibration(Calibration.STUDENT_T, llr, kinds);
        double mean = (-0.213 - 0.019) / 2;
        KindAwareTail nearThePair = KindAwareTail.of(calibration, 0.10, null, 100);
        assertEquals("same-recipe", nearThePair.decidedBy());
        assertTrue(nearThePair.value() > 0.1, "a suspect 0.2 above the pair's mean is no evidence: " + nearThePair);
        assertTrue(KindAwareTail.of(calibration, mean + 3, null, 100).value() < 0.01, "far beyond every kind");
    }

    @Test
    void theSupportedPValueOfACalibrationWithoutKindsIsUnchanged() {
        Calibration plain = calibration(Calibration.BETA_BINOMIAL, RATES, null);
        SupportedPValue p = SupportedPValue.of(plain, 0.2, 20, 100);
        double tail = BetaBinomial.fit(RATES, 100).upperTail(20, 100);
        assertEquals(Math.max(tail, SupportedPValue.floor(RATES.length)), p.value(), 0);
        assertEquals(KindAwareTail.POOLED, p.tailFrom());
        SupportedPValue withKinds = SupportedPValue.of(calibration(Calibration.BETA_BINOMIAL, RATES, kinds(10, 4)), 0.2, 20, 100);
        assertTrue(withKinds.value() > p.value(), "the hard kind widens the claim: " + withKinds + " vs " + p);
    }
}
