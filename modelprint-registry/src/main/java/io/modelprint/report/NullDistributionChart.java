package io.modelprint.report;

import io.modelprint.fingerprint.Calibration;
import io.modelprint.verify.DecisionBasis;
import io.modelprint.verify.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calibration's null distribution as an inline SVG dot plot: one dot per reference model (its
 * similarity to the fingerprint, coloured by the kind of reference), stacked where they fall, and the
 * suspect's similarity as a red line; the threshold as a dashed line when a threshold decided. Drawn
 * by hand so the page needs nothing from outside.
 */
public final class NullDistributionChart {
    /** Colours of the kinds of references, in order of first appearance (repeated beyond eight kinds). */
    static final String[] PALETTE = {"#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 200;
    private static final int LEFT = 30;
    private static final int RIGHT = 30;
    private static final int TOP = 28;
    private static final int BOTTOM = 36;
    private static final int BINS = 48;

    private NullDistributionChart() {}

    /** The chart and its legend; {@code calibration} null: the suspect and the threshold alone, saying nothing was calibrated. */
    public static String html(Calibration calibration, Verdict verdict) {
        double[] rates = calibration == null ? new double[0] : calibration.rates();
        List<String> kinds = kinds(calibration, rates.length);
        Map<String, String> colours = new LinkedHashMap<>();
        kinds.forEach(kind -> colours.computeIfAbsent(kind, k -> PALETTE[colours.size() % PALETTE.length]));
        boolean threshold = verdict.basis() != DecisionBasis.P_VALUE;
        double[] range = range(rates, verdict.similarity(), threshold ? verdict.threshold() : verdict.similarity());
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"null-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"%s\">", WIDTH, HEIGHT, Html.escape(caption(rates.length, verdict))));
        svg.append("<title>").append(Html.escape(caption(rates.length, verdict))).append("</title>");
        axis(svg, range);
        dots(svg, rates, kinds, colours, range);
        if (threshold) {
            line(svg, range, verdict.threshold(), "threshold-line", "threshold " + number(verdict.threshold()), HEIGHT - BOTTOM + 30);
        }
        line(svg, range, verdict.similarity(), "suspect-line", "suspect " + number(verdict.similarity()), TOP - 10);
        svg.append("</svg>");
        StringBuilder legend = new StringBuilder("<ul class=\"legend\">");
        colours.forEach((kind, colour) -> legend.append("<li><span class=\"swatch\" style=\"background:").append(colour)
                .append("\"></span>").append(Html.escape(kind)).append(" (").append(kinds.stream().filter(kind::equals).count())
                .append(")</li>"));
        legend.append("<li><span class=\"swatch suspect\"></span>the suspect</li>");
        if (threshold) {
            legend.append("<li><span class=\"swatch threshold\"></span>the threshold that decided</li>");
        }
        return "<figure class=\"null-distribution\">" + svg + legend.append("</ul>") + "<figcaption>" + Html.escape(caption(rates.length,
                verdict)) + "</figcaption></figure>";
    }

    private static String caption(int references, Verdict verdict) {
        if (references == 0) {
            return "Not calibrated: no reference models, so no null distribution; the suspect's similarity "
                    + number(verdict.similarity()) + " against the threshold " + number(verdict.threshold()) + ".";
        }
        return "Similarities of " + references + " independent reference models to the fingerprint (the null distribution),"
                + " and the suspect's: " + number(verdict.similarity()) + ".";
    }

    private static List<String> kinds(Calibration calibration, int count) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean known = calibration.kinds() != null && calibration.kinds().size() == count;
            kinds.add(known ? String.valueOf(calibration.kinds().get(i)) : Calibration.UNSPECIFIED);
        }
        return kinds;
    }

    /** The x range: every value shown, padded, kept within [0,1] when they all are. */
    static double[] range(double[] rates, double suspect, double threshold) {
        double lo = Math.min(suspect, threshold);
        double hi = Math.max(suspect, threshold);
        for (double r : rates) {
            lo = Math.min(lo, r);
            hi = Math.max(hi, r);
        }
        double pad = Math.max(0.02, (hi - lo) * 0.06);
        double min = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
        double max = hi <= 1 ? Math.min(1, hi + pad) : hi + pad;
        return new double[] {min, max};
    }

    private static double x(double[] range, double value) {
        return LEFT + (value - range[0]) / (range[1] - range[0]) * (WIDTH - LEFT - RIGHT);
    }

    private static void axis(StringBuilder svg, double[] range) {
        int base = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT, base, WIDTH - RIGHT, base));
        for (int t = 0; t <= 4; t++) {
            double value = range[0] + t * (range[1] - range[0]) / 4;
            double x = x(range, value);
            svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", x, base, x, base + 5));
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, base + 18,
                    number(value)));
        }
    }

    private static void dots(StringBuilder svg, double[] rates, List<String> kinds, Map<String, String> colours, double[] range) {
        int[] stack = new int[BINS + 1];
        int[] bin = new int[rates.length];
        int highest = 1;
        for (int i = 0; i < rates.length; i++) {
            bin[i] = (int) Math.round((rates[i] - range[0]) / (range[1] - range[0]) * BINS);
            highest = Math.max(highest, ++stack[bin[i]]);
        }
        double room = HEIGHT - BOTTOM - TOP - 4;
        double r = Math.max(1.5, Math.min(5, room / (2.0 * highest)));
        java.util.Arrays.fill(stack, 0);
        for (int i = 0; i < rates.length; i++) {
            double cx = x(range, range[0] + bin[i] * (range[1] - range[0]) / BINS);
            double cy = HEIGHT - BOTTOM - r - 2 * r * stack[bin[i]]++;
            svg.append(String.format(Locale.ROOT, "<circle class=\"reference\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>%s</title>"
                    + "</circle>", cx, cy, r, colours.get(kinds.get(i)), Html.escape(kinds.get(i) + ": " + number(rates[i]))));
        }
    }

    private static void line(StringBuilder svg, double[] range, double value, String cls, String label, int labelY) {
        double x = x(range, value);
        String anchor = x > WIDTH * 0.8 ? "end" : x < WIDTH * 0.2 ? "start" : "middle";
        svg.append(String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>", cls, x, TOP - 4, x,
                HEIGHT - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text class=\"%s-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>", cls, x, labelY,
                anchor, Html.escape(label)));
    }

    private static String number(double value) {
        return ReportNumbers.similarity(value);
    }
}
