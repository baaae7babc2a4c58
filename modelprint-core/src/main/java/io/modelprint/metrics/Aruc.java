package io.modelprint.metrics;

/**
 * ARUC, the area under the robustness-uniqueness curve (paper eq. 7): the mean over t = 1..r of
 * min(R(t/r), U(t/r)), with r = 100 and each interval taken at its right end.
 */
public final class Aruc {
    public static final int INTERVALS = 100;

    private Aruc() {}

    public static double of(double[] positiveRates, double[] negativeRates) {
        double sum = 0;
        for (int t = 1; t <= INTERVALS; t++) {
            double threshold = (double) t / INTERVALS;
            sum += Math.min(RobustnessUniqueness.robustness(positiveRates, threshold),
                    RobustnessUniqueness.uniqueness(negativeRates, threshold));
        }
        return sum / INTERVALS;
    }
}
