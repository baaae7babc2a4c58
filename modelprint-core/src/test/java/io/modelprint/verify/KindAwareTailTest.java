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
        assertEquals(StudentTNull.fit(new double[] {0.80, 0.83, 0.82}).upperTail(0.85), tail.value(), 0);
        assertEquals("same-recipe", tail.decidedBy());
    }

    /** The quick bench's fleet-llr calibration: a third of each kind chose the queries, 2 same-recipe references were left. */
    @Test
    void aKindOfTwoReferencesIsJudgedByItsOwnMeanWithTheSpreadOfAll() {
        double[][] kinds = {{-0.226, -0.207, -0.228}, {-0.213, -0.019}, {0.164, -0.408, -0.399, -0.124}};
        List<String> names = List.of("other-arch", "same-recipe", "subset");
        List<String> kindOf = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double squares = 0;
        for (int k = 0; k < kinds.length; k++) {
            double mean = java.util.Arrays.stream(kinds[k]).average().orElseThrow();
            for (double v : kinds[k]) {
                kindOf.add(names.get(k));
                values.add(v);
                squares += (v - mean) * (v - mean);
            }
        }
        Calibration calibration = calibration(Calibration.STUDENT_T, values.stream().mapToDouble(Double::doubleValue).toArray(),
                kindOf);
        // the pair's own mean; the spread within all three kinds (9 references, 3 kinds: 6 degrees of freedom)
        double pooledSd = Math.sqrt(squares / 6);
        double pairMean = (-0.213 - 0.019) / 2;
        double expected = new org.apache.commons.math3.distribution.TDistribution(null, 6).cumulativeProbability(
                -(-0.05 - pairMean) / (pooledSd * Math.sqrt(1 + 1.0 / 2)));
        KindAwareTail nearThePair = KindAwareTail.of(calibration, -0.05, null, 100);
        assertEquals("same-recipe", nearThePair.decidedBy());
        assertEquals(expected, nearThePair.value(), 1e-12);
        double subsetOwn = StudentTNull.fit(kinds[2]).upperTail(-0.05);
        assertTrue(nearThePair.value() > subsetOwn + 0.05 && nearThePair.value() > nearThePair.pooled() + 0.1,
                "before, the pair counted in the pooled fit only and the subset kind decided: " + subsetOwn);
        assertTrue(KindAwareTail.of(calibration, pairMean + 3, null, 100).value() < 0.01, "far beyond every kind");
    }

    /** A kind of 3 matching rates: the predictive t on the arcsine-square-root scale, as written out in docs/verification.md. */
    @Test
    void matchingCountsOfAKindOfThreeUseThePredictiveTOnTheArcsineScale() {
        double[] rates = {0.02, 0.03, 0.01, 0.04, 0.02, 0.03, 0.51, 0.60, 0.73};
        Calibration calibration = calibration(Calibration.BETA_BINOMIAL, rates, kinds(6, 3));
        double[] hard = {Math.asin(Math.sqrt(0.51)), Math.asin(Math.sqrt(0.60)), Math.asin(Math.sqrt(0.73))};
        double mean = (hard[0] + hard[1] + hard[2]) / 3;
        double sd = Math.sqrt(((hard[0] - mean) * (hard[0] - mean) + (hard[1] - mean) * (hard[1] - mean)
                + (hard[2] - mean) * (hard[2] - mean)) / 2);
        double at = Math.asin(Math.sqrt(99.5 / 100));
        double expected = new org.apache.commons.math3.distribution.TDistribution(null, 2).cumulativeProbability(
                -(at - mean) / (sd * Math.sqrt(1 + 1.0 / 3)));
        KindAwareTail copy = KindAwareTail.of(calibration, 1.0, 100, 100);
        assertEquals("same-recipe", copy.decidedBy());
        assertEquals(expected, copy.value(), 1e-15);
        assertEquals(0.023, copy.value(), 0.0005, "the quick fleet's AKH same-recipe references leave an exact copy at 0.023");
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
