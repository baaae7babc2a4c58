package io.modelprint.lab.report;

import io.modelprint.lab.eval.EvaluationPreset;
import io.modelprint.lab.eval.EvaluationResults;
import io.modelprint.lab.eval.MethodResult;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders report.md. */
final class ReportMarkdown {
    private ReportMarkdown() {}

    static String render(EvaluationResults results, EvaluationPreset preset, List<ZooEntry> suspects) {
        Map<String, MethodResult> best = results.best();
        String targetKind = results.zoo().entry("target").map(e -> String.valueOf(e.parameters().get("arch"))).orElse("?");
        StringBuilder md = new StringBuilder();
        md.append("# modelprint evaluation: preset ").append(results.preset()).append(" on ").append(results.zoo().dataset()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Zoo: %d suspects (%d positive, %d extraction, %d negative), target %s, test accuracy %.4f."
                + " Paper figures are CIFAR-10 (IPGuard, AsiaCCS 2021).%n%n", suspects.size(),
                count(suspects, SuspectGroup.POSITIVE), count(suspects, SuspectGroup.EXTRACTION), count(suspects, SuspectGroup.NEGATIVE),
                targetKind, results.zoo().entry("target").map(ZooEntry::testAccuracy).orElse(Double.NaN)));

        md.append("## Table 4: best ARUC per method\n\n");
        md.append("| method | best config | ARUC | paper ARUC | AUC | TPR@1%FPR | TPR@5%FPR | gap | extraction ARUC |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (MethodResult r : best.values()) {
            Double paper = PaperFigures.ARUC.get(r.method());
            md.append(String.format(Locale.ROOT, "| %s | %s %s | %.2f | %s | %.2f | %.2f | %.2f | %+.2f | %s |%n", r.method(), r.combo(),
                    r.params().isEmpty() ? "" : r.params(), r.aruc(), paper == null ? "-" : String.format(Locale.ROOT, "%.2f", paper),
                    r.auc(), r.tprAt1Fpr(), r.tprAt5Fpr(), r.gap(), ReportWriter.num(r.extractionAruc())));
        }
        md.append(figures(preset));

        md.append("## Table 5: matching rate per suspect (best configuration of each method; paper CIFAR-10 in parentheses)\n\n");
        header(md, best, "suspect");
        for (ZooEntry s : suspects) {
            if (s.group() != SuspectGroup.POSITIVE) {
                continue;
            }
            md.append("| ").append(s.name()).append(" |");
            double[] paper = PaperFigures.POSITIVE_RATES.get(s.name());
            for (MethodResult r : best.values()) {
                int column = PaperFigures.column(r.method());
                md.append(String.format(Locale.ROOT, " %.2f%s |", r.matchingRates().get(s.name()),
                        paper != null && column >= 0 ? String.format(Locale.ROOT, " (%.2f)", paper[column]) : ""));
            }
            md.append('\n');
        }
        for (String kind : ReportWriter.kinds(suspects, SuspectGroup.NEGATIVE)) {
            boolean sameArch = kind.equalsIgnoreCase(targetKind);
            String paperRow = sameArch ? "same architecture" : PaperFigures.NEGATIVE_RANGES.containsKey(kind) ? kind : "other (paper: VGG16)";
            md.append("| negatives ").append(kind).append(sameArch ? " (same architecture)" : "").append(" |");
            for (MethodResult r : best.values()) {
                double[] range = range(r, suspects, kind);
                int column = PaperFigures.column(r.method());
                md.append(String.format(Locale.ROOT, " %.2f-%.2f%s |", range[0], range[1],
                        column >= 0 ? " (" + PaperFigures.NEGATIVE_RANGES.get(paperRow)[column] + ")" : ""));
            }
            md.append('\n');
        }
        md.append("\n![matching rates per suspect](rates-by-suspect.png)\n\n");

        md.append("## Extraction suspects (beyond the paper)\n\n");
        header(md, best, "student");
        for (ZooEntry s : suspects) {
            if (s.group() == SuspectGroup.EXTRACTION) {
                md.append("| ").append(s.name()).append(" |");
                for (MethodResult r : best.values()) {
                    md.append(String.format(Locale.ROOT, " %.2f |", r.matchingRates().get(s.name())));
                }
                md.append('\n');
            }
        }

        md.append("\n## Table 8: seconds to generate 100 points (best configuration)\n\n| method | ours | paper (CIFAR-10, GPU) |\n|---|---|---|\n");
        for (MethodResult r : best.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", r.method(), r.seconds(), PaperFigures.SECONDS.getOrDefault(r.method(), "-")));
        }
        md.append("\n## Reading\n\n").append(reading(best, results.zoo().dataset())).append(weakestPositives(results, suspects, best)).append('\n');
        return md.toString();
    }

    /**
     * The figures under Table 4: the paper's method's first (robustness and uniqueness, ARUC against
     * its parameter), then ARUC against the parameter of every other method that sweeps one.
     */
    private static String figures(EvaluationPreset preset) {
        List<String> featured = new ArrayList<>();
        List<String> others = new ArrayList<>();
        preset.methods().stream().filter(m -> m.scheme().equals(EvaluationPreset.PAPER_METHOD)).findFirst().ifPresent(m ->
                featured.add("![robustness and uniqueness of " + m.title() + "](fig2-" + m.scheme() + ".png)"));
        for (SweepFigure figure : SweepFigure.of(preset)) {
            if (figure.method().scheme().equals(EvaluationPreset.PAPER_METHOD)) {
                featured.add(figure.image(false));
            } else {
                others.add(figure.image(true));
            }
        }
        return "\n" + String.join(" ", featured) + "\n" + String.join(" ", others) + "\n\n";
    }

    /** The positives that pull ARUC down for the best method, with how much accuracy they lost. */
    private static String weakestPositives(EvaluationResults results, List<ZooEntry> suspects, Map<String, MethodResult> best) {
        MethodResult top = best.values().stream().max(java.util.Comparator.comparingDouble(MethodResult::aruc)).orElse(null);
        double targetAccuracy = results.zoo().entry("target").map(ZooEntry::testAccuracy).orElse(Double.NaN);
        if (top == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "- Positives below 0.9 under the best method (%s-%s %s): ", top.method(), top.combo(), top.params()));
        boolean any = false;
        for (ZooEntry s : suspects) {
            double rate = top.matchingRates().getOrDefault(s.name(), 1.0);
            if (s.group() == SuspectGroup.POSITIVE && rate < 0.9) {
                text.append(String.format(Locale.ROOT, "%s %.2f (test accuracy %.4f, %+.1f points against the target); ", s.name(), rate,
                        s.testAccuracy(), 100 * (s.testAccuracy() - targetAccuracy)));
                any = true;
            }
        }
        return any ? text.append("these are the models the post-processing changed most; the paper's positives kept their"
                + " accuracy, so its positives sit closer to the target.\n").toString() : "";
    }

    private static void header(StringBuilder md, Map<String, MethodResult> best, String first) {
        List<String> columns = new ArrayList<>(List.of(first));
        best.values().forEach(r -> columns.add(r.method()));
        MarkdownTable.header(md, columns);
    }

    private static double[] range(MethodResult r, List<ZooEntry> suspects, String kind) {
        double min = 1;
        double max = 0;
        for (ZooEntry s : suspects) {
            if (s.group() == SuspectGroup.NEGATIVE && s.kind().equals(kind)) {
                double rate = r.matchingRates().get(s.name());
                min = Math.min(min, rate);
                max = Math.max(max, rate);
            }
        }
        return new double[] {min, max};
    }

    private static long count(List<ZooEntry> suspects, SuspectGroup group) {
        return suspects.stream().filter(s -> s.group() == group).count();
    }

    /** How the zoo's data set (its training split's name, as the manifest records it) differs from the paper's CIFAR-10. */
    static String dataDifference(String dataset) {
        if (dataset.startsWith("fashion-mnist")) {
            return "Fashion-MNIST (grayscale 28x28, 10 classes) instead of CIFAR-10;";
        }
        if (dataset.equals("cifar10-train")) {
            return "CIFAR-10 as in the paper, but";
        }
        return "the data set " + dataset + " instead of CIFAR-10 (its own classes and images; if it was made by"
                + " `modelprint data colour-fashion`, it is Fashion-MNIST coloured and padded to 3x32x32, not natural images);";
    }

    /** Sentences generated from the numbers: where ours agree with the paper and where they differ. */
    private static String reading(Map<String, MethodResult> best, String dataset) {
        StringBuilder text = new StringBuilder();
        for (MethodResult r : best.values()) {
            Double paper = PaperFigures.ARUC.get(r.method());
            String against = paper == null ? "(not in the paper)" : String.format(Locale.ROOT, "against the paper's %.2f (%s)", paper,
                    Math.abs(r.aruc() - paper) < 0.05 ? "agrees" : r.aruc() > paper ? "higher here" : "lower here");
            text.append(String.format(Locale.ROOT, "- %s: ARUC %.2f %s.%s%n", r.method(), r.aruc(), against,
                    r.gap() > 0 ? String.format(Locale.ROOT, " A threshold separates every positive from every negative (gap %+.2f).", r.gap())
                            : String.format(Locale.ROOT, " Positives and negatives overlap (gap %+.2f).", r.gap())));
        }
        MethodResult ipguard = best.get("ipguard");
        MethodResult cw = best.get("cw-l2");
        if (ipguard != null && cw != null && ipguard.seconds() > 0) {
            text.append(String.format(Locale.ROOT, "- Speed: IPGuard made its 100 points %.0fx faster than CW-L2 (paper: ~530x);"
                    + " our CW-L2 runs a reduced budget (see the preset), so the real ratio is larger.%n", cw.seconds() / ipguard.seconds()));
        }
        text.append("- Differences from the paper to keep in mind: ").append(dataDifference(dataset))
                .append(" a small target trained for few epochs on a CPU; negatives trained on subsets of the training split (see the"
                + " zoo's notes); post-processing with the zoo's short schedules.\n");
        return text.toString();
    }
}
