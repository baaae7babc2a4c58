package io.modelprint.cli;

import java.util.Arrays;

/** Minimum, median and maximum of repeated measurements. */
record Timings(double min, double median, double max) {
    static Timings of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Timings(sorted[0], median, sorted[n - 1]);
    }
}
