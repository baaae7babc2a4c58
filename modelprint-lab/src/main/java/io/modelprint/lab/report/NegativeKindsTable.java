package io.modelprint.lab.report;

import io.modelprint.lab.eval.SchemeResult;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.ZooEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The negatives by kind (same recipe as the target, full data, subset, another pipeline) under each
 * scheme: they are scored as one group, but the hardest kind's highest similarity is what a threshold
 * of zero false positives must clear.
 */
final class NegativeKindsTable {
    private NegativeKindsTable() {}

    static String markdown(List<SchemeResult> main, List<ZooEntry> suspects) {
        Map<String, List<ZooEntry>> kinds = new LinkedHashMap<>();
        SuspectFamily.NEGATIVE_KINDS.forEach(kind -> kinds.put(kind, new ArrayList<>()));
        for (ZooEntry e : suspects) {
            String kind = SuspectFamily.negativeKind(e);
            if (kind != null && SuspectFamily.task(e) == null) {
                kinds.get(kind).add(e);
            }
        }
        StringBuilder md = new StringBuilder("Negatives by kind (scored as one group above): the similarity range of each kind under each"
                + " scheme; the highest negative is the bar every positive must clear for TPR at zero false positives.\n\n");
        List<String> columns = new ArrayList<>(List.of("scheme"));
        kinds.forEach((kind, members) -> {
            if (!members.isEmpty()) {
                columns.add(kind + " (" + members.size() + ")");
            }
        });
        MarkdownTable.header(md, columns);
        for (SchemeResult r : main) {
            if (r.error() != null) {
                continue;
            }
            md.append("| ").append(SchemeReport.label(r)).append(" |");
            kinds.values().stream().filter(members -> !members.isEmpty()).forEach(members -> md.append(' ').append(range(r, members))
                    .append(" |"));
            md.append('\n');
        }
        md.append('\n');
        if (kinds.get(SuspectFamily.NEGATIVE_OTHER_PIPELINE).isEmpty()) {
            md.append("No negatives made by another pipeline in this zoo: `zoo build` skips the PyTorch ones where /usr/bin/python3"
                    + " has no torch (it says so on stderr), so every negative here was trained by modelprint.\n\n");
        }
        return md.toString();
    }

    /** "min-max" of the kind's similarities under {@code r}; "-" when the scheme could ask none of them. */
    static String range(SchemeResult r, List<ZooEntry> members) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ZooEntry e : members) {
            Double value = r.similarities().get(e.name());
            if (value != null) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return min > max ? "-" : String.format(Locale.ROOT, "%.2f-%.2f", min, max);
    }
}
