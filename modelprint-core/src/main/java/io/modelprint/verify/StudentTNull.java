package io.modelprint.verify;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The similarity of an independent model to the target under a continuous scheme, modelled as
 * normal with unknown mean and variance, estimated from k reference negatives: a new independent
 * model's similarity then follows mean + sd * sqrt(1 + 1/k) * t(k-1) (the predictive distribution).
 * The p-value is its upper tail. The standard deviation is floored at 1e-3 so that negatives that
 * happen to agree exactly do not make every higher value infinitely significant.
 */
public record StudentTNull(double mean, double sd, int negatives) {
    private static final double MIN_SD = 1e-3;

    public static StudentTNull fit(double[] similarities) {
        if (similarities.length < 2) {
            throw new IllegalArgumentException("calibration needs at least 2 reference negatives, got " + similarities.length);
        }
        double mean = 0;
        for (double s : similarities) {
            mean += s;
        }
        mean /= similarities.length;
        double variance = 0;
        for (double s : similarities) {
            variance += (s - mean) * (s - mean);
        }
        variance /= similarities.length - 1;
        return new StudentTNull(mean, Math.max(MIN_SD, Math.sqrt(variance)), similarities.length);
    }

    /** P(an independent model's similarity >= {@code similarity}). */
    public double upperTail(double similarity) {
        double scale = sd * Math.sqrt(1 + 1.0 / negatives);
        return new TDistribution(null, negatives - 1).cumulativeProbability(-(similarity - mean) / scale);
    }
}
