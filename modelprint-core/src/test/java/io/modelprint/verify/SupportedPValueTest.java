package io.modelprint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Calibration;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class SupportedPValueTest {
    private static Calibration counts(double... rates) {
        return new Calibration(Calibration.BETA_BINOMIAL, IntStream.range(0, rates.length).mapToObj(i -> "ref" + i).toList(), rates,
                100);
    }

    private static Calibration similarities(double... values) {
        return new Calibration(Calibration.STUDENT_T, IntStream.range(0, values.length).mapToObj(i -> "ref" + i).toList(), values,
                100);
    }

    @Test
    void aSuspectNoMoreSimilarThanAKnownIndependentModelGetsAtLeastTheEmpiricalPValue() {
        Calibration calibration = similarities(0.60, 0.62, 0.61, 0.59, 0.63, 0.60, 0.61, 0.90);
        SupportedPValue p = SupportedPValue.of(calibration, 0.80, null, 100);
        assertEquals(2.0 / 9, p.empirical(), 1e-12, "one of 8 references is at least as similar");
        assertEquals(p.empirical(), p.value(), 1e-12, "the outlier reference bounds the claim, whatever the t tail says");
        assertTrue(p.parametric() < p.value());
        assertTrue(p.bounded());
    }

    @Test
    void beyondEveryReferenceTheClaimStopsAtOneDecadePerFourReferences() {
        double[] rates = new double[8];
        java.util.Arrays.fill(rates, 0.01);
        rates[0] = 0.03;
        SupportedPValue p = SupportedPValue.of(counts(rates), 1.0, 100, 100);
        assertTrue(p.parametric() < 1e-30, "the beta-binomial tail of a full match: " + p.parametric());
        assertEquals(0.01, p.value(), 1e-12, "8 references support 1e-2, no more");
        assertEquals(1e-4, SupportedPValue.floor(16), 1e-18);
        SupportedPValue moderate = SupportedPValue.of(counts(rates), 0.05, 5, 100);
        assertEquals(Math.max(moderate.parametric(), 0.01), moderate.value(), 1e-15);
    }

    /**
     * Held-out independent models drawn from the same population as the references: their p-values
     * must be uniform or conservative, never smaller than chance says.
     */
    @Test
    void heldOutReferencesGetUniformOrConservativePValues() {
        JDKRandomGenerator random = new JDKRandomGenerator(11);
        BetaDistribution population = new BetaDistribution(random, 2, 38); // matching probabilities around 0.05
        int queries = 100;
        int k = 20;
        int trials = 400;
        double[] pValues = new double[trials];
        for (int t = 0; t < trials; t++) {
            double[] references = new double[k];
            for (int i = 0; i < k; i++) {
                references[i] = new BinomialDistribution(random, queries, population.sample()).sample() / (double) queries;
            }
            int heldOut = new BinomialDistribution(random, queries, population.sample()).sample();
            pValues[t] = SupportedPValue.of(counts(references), heldOut / (double) queries, heldOut, queries).value();
        }
        for (double alpha : new double[] {0.01, 0.05, 0.1, 0.25}) {
            long below = java.util.Arrays.stream(pValues).filter(p -> p <= alpha).count();
            double allowed = alpha + 3 * Math.sqrt(alpha * (1 - alpha) / trials);
            assertTrue(below / (double) trials <= allowed, "P(p <= " + alpha + ") = " + below / (double) trials);
        }
        // no more mass at small p than the uniform: the empirical CDF stays below the diagonal (one-sided KS)
        double[] sorted = pValues.clone();
        java.util.Arrays.sort(sorted);
        double worst = 0;
        for (int i = 0; i < trials; i++) {
            worst = Math.max(worst, (i + 1.0) / trials - sorted[i]);
        }
        double critical = Math.sqrt(-Math.log(0.01 / 2) / (2.0 * trials)); // one-sided KS at 1 %
        assertTrue(worst < critical, "largest excess of the p-values' CDF over uniform: " + worst + " >= " + critical);
    }
}
