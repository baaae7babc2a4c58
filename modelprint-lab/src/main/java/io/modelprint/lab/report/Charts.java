package io.modelprint.lab.report;

import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.ZooEntry;

import io.modelprint.io.AtomicFiles;
import io.modelprint.lab.eval.EvaluationPreset;
import io.modelprint.lab.eval.EvaluationResults;
import io.modelprint.lab.eval.MethodResult;
import io.modelprint.metrics.RobustnessUniqueness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

/** The report's PNG figures (XChart, rendered headless). */
final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** Fig. 2: robustness and uniqueness against the threshold, for a method's best configuration. */
    static void robustnessUniqueness(MethodResult result, double[] positives, double[] negatives, Path file) {
        XYChart chart = new XYChartBuilder().width(520).height(360)
                .title(result.method() + "-" + result.combo() + " " + result.params() + ": ARUC " + String.format("%.2f", result.aruc()))
                .xAxisTitle("matching-rate threshold").yAxisTitle("fraction").build();
        int points = 101;
        double[] x = new double[points];
        double[] robustness = new double[points];
        double[] uniqueness = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = i / 100.0;
            robustness[i] = RobustnessUniqueness.robustness(positives, x[i]);
            uniqueness[i] = RobustnessUniqueness.uniqueness(negatives, x[i]);
        }
        chart.addSeries("robustness", x, robustness);
        chart.addSeries("uniqueness", x, uniqueness);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
        save(chart, file);
    }

    /** Figs. 3-6: ARUC against the method's parameter, one line per combination. */
    static void arucSweep(EvaluationResults results, String method, String parameter, Path file) {
        XYChart chart = new XYChartBuilder().width(520).height(360).title(method + ": ARUC vs " + parameter)
                .xAxisTitle(parameter).yAxisTitle("ARUC").build();
        for (String combo : EvaluationPreset.COMBOS) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (MethodResult r : results.methods()) {
                if (r.method().equals(method) && r.combo().equals(combo)) {
                    xs.add(((Number) r.params().get(parameter)).doubleValue());
                    ys.add(r.aruc());
                }
            }
            if (!xs.isEmpty()) {
                chart.addSeries(method + "-" + combo, xs, ys);
            }
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
        save(chart, file);
    }

    /** Matching rate of every suspect under each method's best configuration, suspects grouped by family. */
    static void ratesBySuspect(Map<String, MethodResult> best, List<ZooEntry> suspects, Path file) {
        List<ZooEntry> grouped = suspects.stream()
                .sorted(java.util.Comparator.comparingInt((ZooEntry e) -> SuspectFamily.rank(SuspectFamily.of(e)))).toList();
        List<String> labels = grouped.stream().map(e -> SuspectFamily.of(e) + ": " + e.name()).toList();
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(900, 28 * suspects.size())).height(520)
                .title("matching rate per suspect, grouped by family (best configuration of each method)").yAxisTitle("matching rate")
                .build();
        for (MethodResult r : best.values()) {
            List<Double> rates = new ArrayList<>();
            for (ZooEntry s : grouped) {
                rates.add(r.matchingRates().getOrDefault(s.name(), 0.0));
            }
            chart.addSeries(r.method(), labels, rates);
        }
        chart.getStyler().setXAxisLabelRotation(75).setYAxisMin(0.0).setYAxisMax(1.05);
        save(chart, file);
    }

    private static void save(Chart<?, ?> chart, Path file) {
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
