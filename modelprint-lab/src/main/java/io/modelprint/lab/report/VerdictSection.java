package io.modelprint.lab.report;

import io.modelprint.lab.eval.VerdictResult;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.metrics.Roc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The report's section on calibrated verdicts: per scheme, the share of each family a user's
 * {@code verify} would call derived at alpha, and the false positives among the negatives, by kind
 * of negative. Suspects are the zoo's, never the fleet's.
 */
public final class VerdictSection {
    private VerdictSection() {}

    public static String markdown(List<VerdictResult> results, List<ZooEntry> suspects, String fleetSummary) {
        if (results.isEmpty()) {
            return "";
        }
        List<ZooEntry> sameTask = suspects.stream().filter(e -> SuspectFamily.task(e) == null).toList();
        Set<String> families = new LinkedHashSet<>();
        sameTask.stream().filter(e -> e.group() != SuspectGroup.NEGATIVE).map(SuspectFamily::of)
                .sorted((a, b) -> Integer.compare(SuspectFamily.rank(a), SuspectFamily.rank(b))).forEach(families::add);
        Map<String, List<ZooEntry>> negatives = new LinkedHashMap<>();
        sameTask.stream().filter(e -> e.group() == SuspectGroup.NEGATIVE)
                .forEach(e -> negatives.computeIfAbsent(negativeKind(e), k -> new ArrayList<>()).add(e));
        double alpha = results.get(0).alpha();
        StringBuilder md = new StringBuilder("\n## Calibrated verdicts with the owner's fleet\n\n");
        md.append(fleetSummary).append(" Each fingerprint below was made with the fleet (fleet-selected schemes chose their")
                .append(" queries with its surrogates and a third of its references), calibrated on the fleet's other references,")
                .append(" and each zoo suspect was called derived when its supported p-value was at most ").append(alpha)
                .append(" (bundles: any member at alpha / m). Cells: derived / suspects. Negatives: false positives / negatives.\n\n");
        List<String> columns = new ArrayList<>(List.of("scheme", "queries", "references (p floor)"));
        columns.addAll(families);
        negatives.keySet().forEach(kind -> columns.add("neg. " + kind));
        columns.add("FPR (all negatives)");
        MarkdownTable.header(md, columns);
        for (VerdictResult r : results) {
            md.append("| ").append(r.run().scheme());
            if (r.error() != null) {
                md.append(" | cannot fingerprint: ").append(r.error().replace('|', '/')).append(" |\n");
                continue;
            }
            md.append(" | ").append(r.queries()).append(" | ")
                    .append(String.format(Locale.ROOT, "%d (%.2g)", r.references(), r.smallestSupportedPValue()));
            for (String family : families) {
                md.append(" | ").append(cell(r, sameTask.stream().filter(e -> e.group() != SuspectGroup.NEGATIVE
                        && SuspectFamily.of(e).equals(family)).toList()));
            }
            List<ZooEntry> allNegatives = new ArrayList<>();
            for (List<ZooEntry> kind : negatives.values()) {
                md.append(" | ").append(cell(r, kind));
                allNegatives.addAll(kind);
            }
            md.append(" | ").append(rate(r, allNegatives)).append(" |\n");
        }
        if (results.stream().anyMatch(r -> r.reach() != null)) {
            md.append("\nWhat each calibration lets a verdict say (the least similarity called derived, and the fit or the number of")
                .append(" references that sets the p-value there):\n\n");
            results.stream().filter(r -> r.reach() != null).forEach(r -> md.append("- ").append(r.run().scheme()).append(": ")
                    .append(r.reach()).append('\n'));
        }
        md.append("\nThe same fingerprints ranked (AUC / TPR at 1 % FPR / TPR at 5 % FPR against every negative; a bundle ranks by its")
                .append(" combined p-value):\n\n");
        List<String> rankColumns = new ArrayList<>(List.of("scheme"));
        rankColumns.addAll(families);
        MarkdownTable.header(md, rankColumns);
        List<ZooEntry> allNegatives = negatives.values().stream().flatMap(List::stream).toList();
        for (VerdictResult r : results) {
            if (r.error() != null) {
                continue;
            }
            md.append("| ").append(r.run().scheme());
            double[] negativeScores = scores(r, allNegatives);
            for (String family : families) {
                double[] positives = scores(r, sameTask.stream().filter(e -> e.group() != SuspectGroup.NEGATIVE
                        && SuspectFamily.of(e).equals(family)).toList());
                md.append(" | ").append(positives.length == 0 || negativeScores.length == 0 ? "-" : String.format(Locale.ROOT,
                        "%.2f / %.2f / %.2f", Roc.auc(positives, negativeScores), Roc.tprAtFpr(positives, negativeScores, 0.01),
                        Roc.tprAtFpr(positives, negativeScores, 0.05)));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    private static double[] scores(VerdictResult r, List<ZooEntry> suspects) {
        return suspects.stream().map(e -> r.similarities().get(e.name())).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
    }

    /** How a negative was made, as the report groups them: its pipeline or data and architecture. */
    static String negativeKind(ZooEntry entry) {
        Object pipeline = entry.parameters().get("pipeline");
        if (pipeline != null) {
            return pipeline.toString();
        }
        Object data = entry.parameters().get("data");
        return (data == null ? "" : data + "-data ") + entry.kind().toLowerCase(Locale.ROOT);
    }

    private static String cell(VerdictResult r, List<ZooEntry> suspects) {
        int asked = 0;
        int derived = 0;
        for (ZooEntry e : suspects) {
            Boolean d = r.derived(e.name());
            if (d != null) {
                asked++;
                derived += d ? 1 : 0;
            }
        }
        return asked == 0 ? "-" : derived + "/" + asked;
    }

    private static String rate(VerdictResult r, List<ZooEntry> negatives) {
        int asked = 0;
        int derived = 0;
        for (ZooEntry e : negatives) {
            Boolean d = r.derived(e.name());
            if (d != null) {
                asked++;
                derived += d ? 1 : 0;
            }
        }
        return asked == 0 ? "-" : String.format(Locale.ROOT, "%.2f (%d/%d)", (double) derived / asked, derived, asked);
    }
}
