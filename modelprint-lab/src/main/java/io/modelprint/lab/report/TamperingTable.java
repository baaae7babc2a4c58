package io.modelprint.lab.report;

import io.modelprint.lab.eval.SchemeResult;
import io.modelprint.lab.zoo.OnnxCopy;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.Schemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tampering schemes' table (ssf, ssf-hard): per family of suspects, how many read "modified" (any
 * sample outside the tolerance, or a label changed), how many "unmodified", and how many could not be
 * checked (a randomizing API, or one that cannot give what the scheme compares). The target's own ONNX
 * export and each reparametrization are rows of their own: they compute the target's function.
 */
final class TamperingTable {
    private TamperingTable() {}

    /** Whether {@code result} is of a scheme whose verdicts say unmodified / modified. */
    static boolean isTampering(SchemeResult result) {
        return Schemes.find(result.run().scheme()).map(SchemeFactory::withDefaults).map(Scheme::asksTampering).orElse(false);
    }

    /** The table of every tampering run among {@code results} (the bench runs each once, at its default samples). */
    static String markdown(List<SchemeResult> results, List<ZooEntry> suspects) {
        List<SchemeResult> tampering = results.stream().filter(TamperingTable::isTampering).toList();
        if (tampering.isEmpty()) {
            return "";
        }
        Map<String, List<ZooEntry>> rows = new LinkedHashMap<>();
        suspects.stream().sorted(Comparator.comparingInt(e -> SuspectFamily.rank(SuspectFamily.of(e))))
                .forEach(e -> rows.computeIfAbsent(row(e), k -> new ArrayList<>()).add(e));
        StringBuilder md = new StringBuilder("## Tampering: is the suspect still exactly the target?\n\n");
        md.append("Per row, suspects read modified / unmodified / not checked (an API that answers a re-asked sample differently,"
                + " or one that cannot give what the scheme compares). Every copy made from the target's weights should read"
                + " modified; the target's ONNX export and its reparametrizations compute the target's function (up to float"
                + " rounding), so a functional check rightly reads them unmodified; independent models read modified.\n\n");
        List<String> columns = new ArrayList<>(List.of("suspects"));
        tampering.forEach(r -> columns.add(SchemeReport.label(r) + " (" + r.queries() + " samples)"));
        MarkdownTable.header(md, columns);
        rows.forEach((row, entries) -> {
            md.append("| ").append(row).append(" (").append(entries.size()).append(") |");
            for (SchemeResult r : tampering) {
                md.append(' ').append(r.error() != null ? "-" : cell(r, entries)).append(" |");
            }
            md.append('\n');
        });
        for (SchemeResult r : tampering) {
            if (r.error() != null) {
                md.append("\n").append(SchemeReport.label(r)).append(" cannot fingerprint this target: ")
                        .append(r.error().replace('|', '/')).append('\n');
            }
        }
        return md.append('\n').toString();
    }

    /** The row a suspect is counted in: its family, with the ONNX export and each reparametrization apart. */
    private static String row(ZooEntry e) {
        if (e.kind().equals(OnnxCopy.KIND)) {
            return "the target's ONNX export";
        }
        if (e.kind().startsWith("REPARAM-")) {
            return "reparametrization " + e.kind().substring("REPARAM-".length()).toLowerCase(Locale.ROOT);
        }
        return SuspectFamily.of(e);
    }

    private static String cell(SchemeResult r, List<ZooEntry> entries) {
        int modified = 0;
        int unmodified = 0;
        int unchecked = 0;
        for (ZooEntry e : entries) {
            Double share = r.similarities().get(e.name());
            if (share == null) {
                unchecked++;
            } else if (share < 1) {
                modified++;
            } else {
                unmodified++;
            }
        }
        return modified + " / " + unmodified + " / " + unchecked;
    }
}
