package io.modelprint.lab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelprint.io.AtomicFiles;
import io.modelprint.lab.eval.EvaluationPreset;
import io.modelprint.lab.eval.EvaluationResults;
import io.modelprint.lab.eval.SchemeResult;
import io.modelprint.lab.eval.StageLog;
import io.modelprint.lab.eval.MethodResult;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an evaluation to a directory: {@code report.md} (the paper's Tables 4, 5 and 8 with its
 * CIFAR-10 numbers beside ours, an extraction table, and a reading of the differences), PNG
 * figures, {@code results.json} and CSV files holding every number in the report.
 */
public final class ReportWriter {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /** The document printed by {@code bench --format json} and stored as results.json. */
    public static Map<String, Object> document(EvaluationResults results) {
        return document(results, List.of());
    }

    /** As above, with the scheme comparison: "schemes" (every run: per-family scores and similarities). */
    public static Map<String, Object> document(EvaluationResults results, List<SchemeResult> schemes) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("preset", results.preset());
        doc.put("methods", results.methods());
        doc.put("best", results.best());
        if (!schemes.isEmpty()) {
            doc.put("schemes", schemes);
        }
        return doc;
    }

    public static void write(EvaluationResults results, List<SchemeResult> schemes, EvaluationPreset preset, Path out) {
        write(results, schemes, null, preset, out);
    }

    /** As above, with the calibrated verdicts made with the owner's fleet ({@code verdicts}; null when there are none). */
    public static void write(EvaluationResults results, List<SchemeResult> schemes, FleetVerdicts verdicts, EvaluationPreset preset,
            Path out) {
        List<ZooEntry> all = results.zoo().entries().stream()
                .filter(e -> e.group() != SuspectGroup.TARGET && e.kept()).toList();
        // the paper's methods were verified on the target's own task only (not transfer-learning copies)
        List<ZooEntry> suspects = all.stream().filter(e -> SuspectFamily.task(e) == null).toList();
        try {
            Map<String, Object> doc = document(results, schemes);
            if (verdicts != null) {
                doc.put("fleet", verdicts.fleet());
                doc.put("verdicts", verdicts.results());
            }
            AtomicFiles.writeString(out.resolve("results.json"), JSON.writeValueAsString(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(out.resolve("methods.csv"), methodsCsv(results));
        AtomicFiles.writeString(out.resolve("matching-rates.csv"), ratesCsv(results, suspects));
        Map<String, MethodResult> best = results.best();
        for (MethodResult r : best.values()) {
            Charts.robustnessUniqueness(r, rates(r, suspects, SuspectGroup.POSITIVE), rates(r, suspects, SuspectGroup.NEGATIVE),
                    out.resolve("fig2-" + r.method() + ".png"));
        }
        for (SweepFigure figure : SweepFigure.of(preset)) {
            Charts.arucSweep(results, figure.method().scheme(), figure.parameter(), out.resolve(figure.file()));
        }
        Charts.ratesBySuspect(best, suspects, out.resolve("rates-by-suspect.png"));
        SchemeReport.write(schemes, all, out);
        String schemeSection = SchemeReport.markdown(schemes, preset, all,
                results.zoo().entry("target").map(ZooEntry::testAccuracy).orElse(Double.NaN));
        String verdictSection = verdicts == null ? "" : VerdictSection.markdown(verdicts.results(), all, verdicts.fleet().text());
        String cost = CostSection.markdown(results, schemes, stageRuns(out));
        AtomicFiles.writeString(out.resolve("report.md"), ReportMarkdown.render(results, preset, suspects) + schemeSection
                + verdictSection + cost);
    }

    private static List<StageLog.Run> stageRuns(Path out) {
        try {
            return StageLog.read(out);
        } catch (IOException e) {
            return List.of(); // bench moves an unreadable log aside and says so when it starts
        }
    }

    static double[] rates(MethodResult result, List<ZooEntry> suspects, SuspectGroup group) {
        return suspects.stream().filter(e -> e.group() == group)
                .mapToDouble(e -> result.matchingRates().getOrDefault(e.name(), Double.NaN)).toArray();
    }

    private static String methodsCsv(EvaluationResults results) {
        StringBuilder csv = new StringBuilder("method,combo,parameter,value,aruc,auc,tpr_at_1pct_fpr,tpr_at_5pct_fpr,gap,extraction_aruc,seconds,converged\n");
        for (MethodResult r : results.methods()) {
            String parameter = r.params().isEmpty() ? "" : r.params().keySet().iterator().next();
            String value = r.params().isEmpty() ? "" : String.valueOf(r.params().get(parameter));
            csv.append(String.join(",", r.method(), r.combo(), parameter, value, num(r.aruc()), num(r.auc()), num(r.tprAt1Fpr()),
                    num(r.tprAt5Fpr()), num(r.gap()), num(r.extractionAruc()), num(r.seconds()), String.valueOf(r.converged())))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String ratesCsv(EvaluationResults results, List<ZooEntry> suspects) {
        StringBuilder csv = new StringBuilder("method,combo,parameter,value,suspect,group,kind,matching_rate\n");
        for (MethodResult r : results.methods()) {
            String parameter = r.params().isEmpty() ? "" : r.params().keySet().iterator().next();
            String value = r.params().isEmpty() ? "" : String.valueOf(r.params().get(parameter));
            for (ZooEntry s : suspects) {
                csv.append(String.join(",", r.method(), r.combo(), parameter, value, s.name(), s.group().json(), s.kind(),
                        num(r.matchingRates().getOrDefault(s.name(), Double.NaN)))).append('\n');
            }
        }
        return csv.toString();
    }

    static String num(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }

    static List<String> kinds(List<ZooEntry> suspects, SuspectGroup group) {
        List<String> kinds = new ArrayList<>();
        for (ZooEntry e : suspects) {
            if (e.group() == group && !kinds.contains(e.kind())) {
                kinds.add(e.kind());
            }
        }
        return kinds;
    }
}
