package io.modelprint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Calibration;
import io.modelprint.scheme.SimilarityRange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecisionReachTest {
    private static final int QUERIES = 100;
    /** Twelve continuous similarities of independent models, tight around 0.1. */
    private static final double[] TIGHT = {0.10, 0.12, 0.08, 0.11, 0.09, 0.13, 0.10, 0.07, 0.12, 0.11, 0.10, 0.09};

    private static Calibration of(String model, double[] values, List<String> kinds) {
        return new Calibration(model, IntStream.range(0, values.length).mapToObj(i -> "ref" + i).toList(), values, QUERIES,
                kinds, null);
    }

    @Test
    void aCountingSchemeIsCalledDerivedFromTheFirstMatchCountWhoseSupportedPValueIsAtMostAlpha() {
        double[] rates = {0.02, 0.03, 0.01, 0.04, 0.02, 0.03, 0.05, 0.02, 0.01, 0.03, 0.02, 0.04};
        Calibration calibration = of(Calibration.BETA_BINOMIAL, rates, null);
        DecisionReach reach = DecisionReach.of(calibration, QUERIES, SimilarityRange.UNIT, 0.01);
        assertTrue(reach.reachable());
        int m = reach.matches();
        assertTrue(SupportedPValue.of(calibration, m / 100.0, m, QUERIES).value() <= 0.01);
        assertTrue(SupportedPValue.of(calibration, (m - 1) / 100.0, m - 1, QUERIES).value() > 0.01, "one match fewer is not enough");
        assertEquals(m / 100.0, reach.similarity(), 1e-12);
        assertTrue(m > 5 && m < 30, "a low, tight null is left a little above its highest reference: " + m);
    }

    @Test
    void aWidelySpreadKindOfThreeCanHoldBackEvenAnExactCopyAndSaysWhich() {
        // AKH on the quick fleet: the target's own recipe repeats 51-73 % of its mistakes
        double[] rates = {0.51, 0.62, 0.73, 0.60, 0.66, 0.58, 0.70, 0.64, 0.61, 0.67, 0.59, 0.63};
        List<String> kinds = new ArrayList<>(List.of("same-recipe", "same-recipe", "same-recipe"));
        kinds.addAll(java.util.Collections.nCopies(9, "subset"));
        Calibration calibration = of(Calibration.BETA_BINOMIAL, rates, kinds);
        DecisionReach reach = DecisionReach.of(calibration, QUERIES, SimilarityRange.UNIT, 0.01);
        assertFalse(reach.reachable());
        assertEquals(QUERIES, reach.matches());
        SupportedPValue best = SupportedPValue.of(calibration, 1.0, QUERIES, QUERIES);
        assertEquals(best.value(), reach.pValue(), 1e-15);
        assertTrue(reach.pValue() > 0.01);
        assertEquals("same-recipe", reach.setBy());
        assertTrue(reach.describe().endsWith("(set by kind same-recipe)"), reach.describe());
        assertTrue(reach.describe().startsWith("no suspect can be called derived at p <= 0.01"), reach.describe());
        assertTrue(DecisionReach.of(calibration, QUERIES, SimilarityRange.UNIT, 0.05).reachable(), "a looser alpha is within reach");
    }

    @Test
    void aContinuousSchemeIsCalledDerivedFromTheLeastSimilarityWhoseSupportedPValueIsAtMostAlpha() {
        Calibration calibration = of(Calibration.STUDENT_T, TIGHT, null);
        DecisionReach reach = DecisionReach.of(calibration, QUERIES, SimilarityRange.UNIT, 0.01);
        assertTrue(reach.reachable());
        assertTrue(reach.similarity() > 0.13, "above every reference");
        assertTrue(SupportedPValue.of(calibration, reach.similarity(), null, QUERIES).value() <= 0.01);
        assertTrue(SupportedPValue.of(calibration, reach.similarity() - 1e-6, null, QUERIES).value() > 0.01);
        assertEquals(null, reach.matches());
    }

    @Test
    void tooFewReferencesCannotReachAlphaAtAnySimilarity() {
        Calibration calibration = of(Calibration.STUDENT_T, new double[] {0.1, 0.2, 0.15, 0.12}, null);
        DecisionReach reach = DecisionReach.of(calibration, QUERIES, SimilarityRange.UNIT, 0.01);
        assertFalse(reach.reachable());
        assertEquals(DecisionReach.BY_COUNT, reach.setBy());
        assertEquals(SupportedPValue.floor(4), reach.pValue(), 1e-12);
        assertTrue(reach.describe().contains("set by the number of references"), reach.describe());
    }

    @Test
    void withManyReferencesTheLeastSimilarityCanLieBelowTheHighestReference() {
        double[] values = new double[50];
        for (int i = 0; i < 49; i++) {
            values[i] = 0.10 + 0.001 * (i % 7);
        }
        values[49] = 0.9; // one odd reference: above it p would be far below alpha, below it the empirical bound 2/51
        Calibration calibration = of(Calibration.STUDENT_T, values, null);
        DecisionReach reach = DecisionReach.of(calibration, QUERIES, SimilarityRange.SIGNED_UNIT, 0.05);
        assertTrue(reach.reachable());
        assertTrue(reach.similarity() < 0.9, "reached between the references: " + reach.describe());
        assertTrue(SupportedPValue.of(calibration, reach.similarity(), null, QUERIES).value() <= 0.05);
        assertTrue(SupportedPValue.of(calibration, reach.similarity() - 1e-6, null, QUERIES).value() > 0.05);
    }

    @Test
    void aSimilarityBeyondTheSchemesRangeIsNoReach() {
        double[] values = {0.80, 0.85, 0.90, 0.95, 0.82, 0.88, 0.93, 0.86, 0.91, 0.84, 0.89, 0.87};
        Calibration calibration = of(Calibration.STUDENT_T, values, null);
        double atOne = SupportedPValue.of(calibration, 1.0, null, QUERIES).value();
        assertTrue(atOne > 0.01, "references this close to 1 leave even similarity 1 at p " + atOne);
        DecisionReach reach = DecisionReach.of(calibration, QUERIES, SimilarityRange.UNIT, 0.01);
        assertFalse(reach.reachable());
        assertEquals(atOne, reach.pValue(), 1e-15);
        assertTrue(reach.describe().endsWith("at the range's end, similarity 1 (set by all references)"), reach.describe());
        assertTrue(DecisionReach.of(calibration, QUERIES, new SimilarityRange(0, Double.POSITIVE_INFINITY), 0.01).similarity() > 1,
                "an unbounded similarity can go past 1");
    }

    @Test
    void aBundleMembersLevelReadsAsANumber() {
        Calibration calibration = of(Calibration.STUDENT_T, new double[] {0.1, 0.2, 0.15, 0.12, 0.11, 0.14, 0.13, 0.16, 0.1,
            0.12, 0.18, 0.13}, null);
        assertTrue(DecisionReach.of(calibration, QUERIES, SimilarityRange.UNIT, 0.01 / 3).describe().startsWith(
                "derived at p <= 0.00333 from similarity 0."));
    }

    @Test
    void aSchemeWithoutQueriesIsJudgedOnItsSimilarityAloneAndACountWithoutQueriesIsRefused() {
        DecisionReach weights = DecisionReach.of(of(Calibration.STUDENT_T, TIGHT, null), 0, SimilarityRange.SIGNED_UNIT, 0.01);
        assertTrue(weights.reachable() && weights.similarity() > 0.13, weights.describe());
        assertThrows(IllegalArgumentException.class,
                () -> DecisionReach.of(of(Calibration.BETA_BINOMIAL, TIGHT, null), 0, SimilarityRange.UNIT, 0.01));
    }

    @Test
    void levelsReadAsPeopleWriteThem() {
        assertEquals("0.01", DecisionReach.level(0.01));
        assertEquals("0.00333", DecisionReach.level(0.01 / 3));
        assertEquals("1e-300", DecisionReach.level(1e-300));
        assertEquals("2.5e-05", DecisionReach.level(2.5e-5));
        assertEquals("0.9999", DecisionReach.level(0.9999), "never rounded up to a level of 1");
    }

    @Test
    void alphaOutsideTheUnitIntervalIsRefused() {
        Calibration calibration = of(Calibration.STUDENT_T, new double[] {0.1, 0.2}, null);
        assertThrows(IllegalArgumentException.class, () -> DecisionReach.of(calibration, QUERIES, SimilarityRange.UNIT, 0));
        assertThrows(IllegalArgumentException.class, () -> DecisionReach.of(calibration, QUERIES, SimilarityRange.UNIT, 1));
    }
}
