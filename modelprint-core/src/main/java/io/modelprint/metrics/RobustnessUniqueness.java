package io.modelprint.metrics;

/**
 * Robustness R(τ): fraction of positive suspects whose matching rate is at least τ. Uniqueness
 * U(τ): fraction of negative suspects whose matching rate is below τ (paper §4.2).
 */
public final class RobustnessUniqueness {
    private RobustnessUniqueness() {}

    public static double robustness(double[] positiveRates, double threshold) {
        requireNonEmpty(positiveRates, "positive");
        int count = 0;
        for (double rate : positiveRates) {
            count += rate >= threshold ? 1 : 0;
        }
        return (double) count / positiveRates.length;
    }

    public static double uniqueness(double[] negativeRates, double threshold) {
        requireNonEmpty(negativeRates, "negative");
        int count = 0;
        for (double rate : negativeRates) {
            count += rate < threshold ? 1 : 0;
        }
        return (double) count / negativeRates.length;
    }

    static void requireNonEmpty(double[] rates, String which) {
        if (rates.length == 0) {
            throw new IllegalArgumentException("no " + which + " suspects: the metric is undefined");
        }
    }
}
