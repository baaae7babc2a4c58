package io.modelprint.lab.report;

import java.util.Map;

/** The IPGuard paper's CIFAR-10 numbers (Tables 4, 5 and 8), printed beside ours. */
final class PaperFigures {
    private PaperFigures() {}

    /** Table 4, CIFAR-10: best ARUC per method. */
    static final Map<String, Double> ARUC = Map.of("random", 0.35, "fgsm", 0.63, "igsm", 0.59, "cw-l2", 0.95, "ipguard", 0.94);

    /** Table 8, CIFAR-10: seconds to generate 100 points (Random: much less than 1). */
    static final Map<String, String> SECONDS = Map.of("random", "<<1", "fgsm", "4.9", "igsm", "11.2", "cw-l2", "20,006.3",
            "ipguard", "37.8");

    /** Table 5, CIFAR-10: matching rate per post-processing (FGSM, IGSM, CW-L2, IPGuard). */
    static final Map<String, double[]> POSITIVE_RATES = Map.ofEntries(
            Map.entry("ftll", new double[] {0.90, 0.99, 1.00, 1.00}),
            Map.entry("ftal", new double[] {0.92, 0.90, 1.00, 1.00}),
            Map.entry("rtll", new double[] {0.87, 0.99, 1.00, 1.00}),
            Map.entry("rtal", new double[] {0.90, 0.66, 1.00, 1.00}),
            Map.entry("wp-0.1", new double[] {0.86, 0.91, 1.00, 1.00}),
            Map.entry("wp-0.2", new double[] {0.86, 0.91, 1.00, 1.00}),
            Map.entry("wp-0.3", new double[] {0.89, 0.88, 1.00, 1.00}),
            Map.entry("wp-0.4", new double[] {0.90, 0.70, 1.00, 1.00}),
            Map.entry("fp-1-16", new double[] {0.78, 0.67, 1.00, 1.00}),
            Map.entry("fp-2-16", new double[] {0.80, 0.41, 1.00, 1.00}),
            Map.entry("fp-3-16", new double[] {0.87, 0.37, 1.00, 1.00}),
            Map.entry("fp-4-16", new double[] {0.82, 0.18, 0.99, 0.99}),
            Map.entry("fp-5-16", new double[] {0.79, 0.17, 0.97, 0.94}),
            Map.entry("fp-6-16", new double[] {0.74, 0.14, 0.89, 0.85}),
            Map.entry("fp-7-16", new double[] {0.77, 0.09, 0.70, 0.71}));

    /** Table 5, CIFAR-10: ranges for negatives (FGSM, IGSM, CW-L2, IPGuard) by the paper's categories. */
    static final Map<String, String[]> NEGATIVE_RANGES = Map.of(
            "same architecture", new String[] {"0.06-0.66", "0.00-0.01", "0.00-0.07", "0.00-0.09"},
            "LENET5", new String[] {"0.08-0.49", "0.00-0.03", "0.00-0.03", "0.00-0.03"},
            "other (paper: VGG16)", new String[] {"0.08-0.78", "0.00-0.01", "0.00-0.00", "0.00-0.01"},
            "RF", new String[] {"0.02-0.09", "0.00-0.01", "0.00-0.00", "0.00-0.00"});

    /** Column of a method in the rate tables, or -1 for Random (not in the paper's Table 5). */
    static int column(String method) {
        return switch (method) {
            case "fgsm" -> 0;
            case "igsm" -> 1;
            case "cw-l2" -> 2;
            case "ipguard" -> 3;
            default -> -1;
        };
    }
}
