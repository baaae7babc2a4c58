package io.modelprint.lab.report;

import io.modelprint.lab.Durations;
import io.modelprint.lab.eval.EvaluationResults;
import io.modelprint.lab.eval.MethodResult;
import io.modelprint.lab.eval.SchemeResult;
import io.modelprint.lab.eval.StageLog;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the bench cost, from what each piece recorded: the seconds each zoo model took to build (per
 * family, negatives per architecture), the seconds each fingerprint of the target took, and the wall
 * clock of each stage of each bench run (a resumed bench is several runs).
 */
final class CostSection {
    private CostSection() {}

    static String markdown(EvaluationResults results, List<SchemeResult> schemes, List<StageLog.Run> runs) {
        StringBuilder md = new StringBuilder("\n## What this run cost\n\n");
        zoo(md, results.zoo().entries());
        fingerprints(md, results, schemes);
        stages(md, runs);
        return md.toString();
    }

    /**
     * The cost group of a zoo model: its family, negatives split by architecture (they differ most in cost) and the
     * target's own recipe (the whole split) apart from the subsets.
     */
    static String group(ZooEntry entry) {
        String family = SuspectFamily.of(entry);
        if (entry.group() != SuspectGroup.NEGATIVE) {
            return family;
        }
        String task = SuspectFamily.task(entry);
        boolean twin = SuspectFamily.NEGATIVE_SAME_RECIPE.equals(SuspectFamily.negativeKind(entry));
        return family + " " + entry.kind().toLowerCase(Locale.ROOT) + (twin ? " (same recipe)" : "") + (task == null ? "" : " (" + task + ")");
    }

    private static void zoo(StringBuilder md, List<ZooEntry> entries) {
        Map<String, List<ZooEntry>> groups = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparingInt((ZooEntry e) -> e.group() == SuspectGroup.TARGET ? -1
                        : SuspectFamily.rank(SuspectFamily.of(e))))
                .forEach(e -> groups.computeIfAbsent(group(e), g -> new ArrayList<>()).add(e));
        md.append("Zoo: seconds to build each model, as the manifest records them (sweep steps that lost too much accuracy"
                + " included; data loading and checks between models are not).\n\n");
        md.append("| models | count | seconds | longest |\n|---|---|---|---|\n");
        double total = 0;
        for (Map.Entry<String, List<ZooEntry>> group : groups.entrySet()) {
            double seconds = group.getValue().stream().mapToDouble(ZooEntry::seconds).sum();
            ZooEntry longest = group.getValue().stream().max(Comparator.comparingDouble(ZooEntry::seconds)).orElseThrow();
            total += seconds;
            row(md, group.getKey(), group.getValue().size(), seconds, longest.name(), longest.seconds());
        }
        totalRow(md, entries.size(), total);
    }

    private static void fingerprints(StringBuilder md, EvaluationResults results, List<SchemeResult> schemes) {
        List<MethodResult> methods = results.methods();
        md.append("Fingerprinting the target: seconds per fingerprint, summed (verifying the suspects is in the stages below).\n\n");
        md.append("| fingerprints of | count | seconds | longest |\n|---|---|---|---|\n");
        double total = 0;
        int count = 0;
        for (String method : results.methodNames()) {
            List<MethodResult> of = methods.stream().filter(m -> m.method().equals(method)).toList();
            double seconds = of.stream().mapToDouble(MethodResult::seconds).sum();
            MethodResult longest = of.stream().max(Comparator.comparingDouble(MethodResult::seconds)).orElseThrow();
            row(md, method, of.size(), seconds, longest.combo() + (longest.params().isEmpty() ? "" : " " + longest.params()),
                    longest.seconds());
            total += seconds;
            count += of.size();
        }
        List<SchemeResult> made = schemes.stream()
                .filter(s -> s.error() == null && !s.run().scheme().startsWith("bundle:")).toList();
        if (!made.isEmpty()) {
            double seconds = made.stream().mapToDouble(SchemeResult::seconds).sum();
            SchemeResult longest = made.stream().max(Comparator.comparingDouble(SchemeResult::seconds)).orElseThrow();
            row(md, "schemes", made.size(), seconds, longest.run().key(), longest.seconds());
            total += seconds;
            count += made.size();
        }
        totalRow(md, count, total);
    }

    /** A row of the zoo's or the fingerprints' table: what, how many, their seconds, the longest of them. */
    private static void row(StringBuilder md, String what, int count, double seconds, String longest, double longestSeconds) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %s %.0f |%n", what, count, seconds, longest, longestSeconds));
    }

    private static void totalRow(StringBuilder md, int count, double seconds) {
        md.append(String.format(Locale.ROOT, "| all | %d | %.0f (%s) | |%n%n", count, seconds, Durations.of(seconds)));
    }

    private static void stages(StringBuilder md, List<StageLog.Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        Set<String> stages = new LinkedHashSet<>();
        runs.forEach(r -> stages.addAll(r.stages().keySet()));
        md.append("Bench runs over this directory: wall-clock seconds per stage (a stopped bench resumed is a new run;"
                + " a stage a run did not finish is blank).\n\n");
        List<String> columns = new ArrayList<>(List.of("run started"));
        columns.addAll(stages);
        columns.add("run");
        MarkdownTable.header(md, columns);
        Map<String, Double> sums = new LinkedHashMap<>();
        for (StageLog.Run run : runs) {
            md.append("| ").append(run.started()).append(" |");
            for (String stage : stages) {
                Double seconds = run.stages().get(stage);
                md.append(seconds == null ? " |" : String.format(Locale.ROOT, " %.0f |", seconds));
                if (seconds != null) {
                    sums.merge(stage, seconds, Double::sum);
                }
            }
            md.append(String.format(Locale.ROOT, " %.0f |%n", run.stages().values().stream().mapToDouble(Double::doubleValue).sum()));
        }
        md.append("| all runs |");
        double total = 0;
        for (String stage : stages) {
            double seconds = sums.getOrDefault(stage, 0.0);
            total += seconds;
            md.append(' ').append(Durations.of(seconds)).append(" |");
        }
        md.append(' ').append(Durations.of(total)).append(" |\n");
    }
}
