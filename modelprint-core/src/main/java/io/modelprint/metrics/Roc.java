package io.modelprint.metrics;

import java.util.Arrays;

/**
 * Detection of positives among suspects by matching rate: AUC (probability that a random positive
 * scores above a random negative, ties counting half), the true-positive rate at a bounded
 * false-positive rate, and the gap between the lowest positive and the highest negative.
 */
public final class Roc {
    private Roc() {}

    public static double auc(double[] positiveRates, double[] negativeRates) {
        RobustnessUniqueness.requireNonEmpty(positiveRates, "positive");
        RobustnessUniqueness.requireNonEmpty(negativeRates, "negative");
        double wins = 0;
        for (double p : positiveRates) {
            for (double n : negativeRates) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / ((double) positiveRates.length * negativeRates.length);
    }

    /**
     * Highest TPR over thresholds τ ("derived" when rate ≥ τ) whose FPR, the fraction of negatives
     * with rate ≥ τ, is at most {@code maxFalsePositiveRate}.
     */
    public static double tprAtFpr(double[] positiveRates, double[] negativeRates, double maxFalsePositiveRate) {
        RobustnessUniqueness.requireNonEmpty(positiveRates, "positive");
        RobustnessUniqueness.requireNonEmpty(negativeRates, "negative");
        double[] thresholds = new double[positiveRates.length + negativeRates.length + 1];
        System.arraycopy(positiveRates, 0, thresholds, 0, positiveRates.length);
        System.arraycopy(negativeRates, 0, thresholds, positiveRates.length, negativeRates.length);
        thresholds[thresholds.length - 1] = Double.POSITIVE_INFINITY;
        Arrays.sort(thresholds);
        double best = 0;
        for (double threshold : thresholds) {
            double fpr = 1 - RobustnessUniqueness.uniqueness(negativeRates, threshold);
            if (fpr <= maxFalsePositiveRate + 1e-12) {
                best = Math.max(best, RobustnessUniqueness.robustness(positiveRates, threshold));
            }
        }
        return best;
    }

    /** Lowest positive rate minus highest negative rate; positive when a threshold separates them. */
    public static double gap(double[] positiveRates, double[] negativeRates) {
        RobustnessUniqueness.requireNonEmpty(positiveRates, "positive");
        RobustnessUniqueness.requireNonEmpty(negativeRates, "negative");
        return Arrays.stream(positiveRates).min().getAsDouble() - Arrays.stream(negativeRates).max().getAsDouble();
    }
}
