package io.modelprint.scheme.llr;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Per candidate, how often the surrogates (p1) and the selection references (p0) agreed with the
 * target, and how much the candidate can be trusted to tell them apart.
 *
 * <p>The rates a fingerprint records are shrunk toward the pool's own rate: p = (k + s·p̄) / (m + s),
 * with p̄ the pooled rate of that half of the fleet (Laplace-smoothed) and s = {@code shrink} pseudo
 * models. They are strictly inside (0, 1), and no query can weigh more than a few models' worth of
 * evidence: a query every surrogate of this fleet kept is still one a surrogate made elsewhere may
 * have repaired. The ranking is pessimistic: it scores the Jeffreys divergence
 * (p1 − p0)(logit p1 − logit p0), the gap between a surrogate's and a reference's expected
 * log-likelihood ratio on the query, at the lower {@value #BOUND} Jeffreys bound of p1 and the upper
 * one of p0; a candidate whose bounds overlap scores their (negative) gap.
 */
record AgreementRates(double[] surrogate, double[] reference, double[] score) {
    /** One-sided level of the Jeffreys bounds that rank candidates. */
    static final double BOUND = 0.1;

    /**
     * @param surrogateAgree per candidate, how many of {@code surrogates} gave the target's label
     * @param referenceAgree the same for the {@code references}
     */
    static AgreementRates of(int[] surrogateAgree, int surrogates, int[] referenceAgree, int references, double shrink) {
        if (surrogates < 1 || references < 1 || !(shrink > 0)) {
            throw new IllegalArgumentException("rates need models on both sides and shrink > 0, got " + surrogates + ", "
                    + references + ", " + shrink);
        }
        int count = surrogateAgree.length;
        double pooled1 = pooled(surrogateAgree, surrogates);
        double pooled0 = pooled(referenceAgree, references);
        double[] lower1 = bounds(surrogates, BOUND);
        double[] upper0 = bounds(references, 1 - BOUND);
        double[] p1 = new double[count];
        double[] p0 = new double[count];
        double[] score = new double[count];
        for (int i = 0; i < count; i++) {
            p1[i] = (surrogateAgree[i] + shrink * pooled1) / (surrogates + shrink);
            p0[i] = (referenceAgree[i] + shrink * pooled0) / (references + shrink);
            double lo = lower1[surrogateAgree[i]];
            double hi = upper0[referenceAgree[i]];
            score[i] = lo > hi ? (lo - hi) * (logit(lo) - logit(hi)) : lo - hi;
        }
        return new AgreementRates(p1, p0, score);
    }

    /** log(p1/p0) when a suspect agrees with the target on query i. */
    static double agreeWeight(double p1, double p0) {
        return Math.log(p1 / p0);
    }

    /** log((1-p1)/(1-p0)) when it does not. */
    static double disagreeWeight(double p1, double p0) {
        return Math.log((1 - p1) / (1 - p0));
    }

    /** The share of all answers that agreed, with one pseudo agreement and one pseudo disagreement. */
    private static double pooled(int[] agree, int models) {
        long sum = 0;
        for (int k : agree) {
            sum += k;
        }
        return (sum + 1.0) / ((long) agree.length * models + 2.0);
    }

    /** For k = 0..m agreements, the {@code level} quantile of the Jeffreys posterior Beta(k + ½, m − k + ½). */
    private static double[] bounds(int models, double level) {
        double[] bound = new double[models + 1];
        for (int k = 0; k <= models; k++) {
            if (level < 0.5 && k == 0) {
                bound[k] = 0;
            } else if (level > 0.5 && k == models) {
                bound[k] = 1;
            } else {
                bound[k] = new BetaDistribution(null, k + 0.5, models - k + 0.5).inverseCumulativeProbability(level);
            }
        }
        return bound;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }
}
