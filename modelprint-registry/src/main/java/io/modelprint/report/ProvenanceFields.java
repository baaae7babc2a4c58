package io.modelprint.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.FingerprintMeta;
import io.modelprint.fleet.QuerySelection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a member's meta.json records of how it was made, as a list of fields (every value escaped). */
final class ProvenanceFields {
    /** Reference names listed before "and N more". */
    static final int MAX_NAMES = 40;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ProvenanceFields() {}

    static String html(FingerprintMeta meta, int queries) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scheme", meta.scheme() + " (" + meta.representation() + " x " + meta.distance() + "; suspects must give "
                + (meta.access() != null ? meta.access() : "labels") + ")");
        fields.put("queries", queries + " of " + meta.inputSpec() + ", " + meta.numClasses() + " classes");
        fields.put("parameters", json(meta.parameters()));
        fields.put("target model", meta.targetModel());
        fields.put("target SHA-256", meta.targetSha256());
        fields.put("seed", meta.seed() + (meta.seedSource() != null ? " (seeds from " + meta.seedSource() + ")" : ""));
        fields.put("created at", meta.createdAt());
        fields.put("format version", Integer.toString(meta.formatVersion()));
        fields.put("content SHA-256", meta.contentSha256());
        fields.put("calibration", calibration(meta.calibration()));
        if (meta.selection() != null) {
            fields.put("queries chosen by a fleet", selection(meta.selection()));
        }
        if (meta.stats() != null && !meta.stats().isEmpty()) {
            fields.put("extraction statistics", json(meta.stats()));
        }
        StringBuilder html = new StringBuilder("<dl class=\"fields provenance\">");
        fields.forEach((name, value) -> html.append("<dt>").append(Html.escape(name)).append("</dt><dd>")
                .append(value == null ? "<span class=\"note\">not recorded</span>" : hashLike(name) ? "<code class=\"hash\">"
                        + Html.escape(value) + "</code>" : Html.escape(value)).append("</dd>"));
        return html.append("</dl>").toString();
    }

    private static boolean hashLike(String name) {
        return name.endsWith("SHA-256") || name.equals("parameters") || name.equals("extraction statistics");
    }

    private static String calibration(Calibration calibration) {
        if (calibration == null) {
            return "none: verdicts are decided by a threshold, not a p-value";
        }
        Map<String, Long> kinds = new LinkedHashMap<>();
        if (calibration.kinds() != null) {
            calibration.kinds().forEach(kind -> kinds.merge(String.valueOf(kind), 1L, Long::sum));
        }
        List<String> names = calibration.negatives() == null ? List.of() : calibration.negatives();
        String listed = String.join(", ", names.subList(0, Math.min(MAX_NAMES, names.size())))
                + (names.size() > MAX_NAMES ? " and " + (names.size() - MAX_NAMES) + " more" : "");
        return calibration.rates().length + " reference models (null model " + calibration.model() + ", " + calibration.queries()
                + " queries)" + (kinds.isEmpty() ? "" : "; kinds " + kinds) + (listed.isEmpty() ? "" : "; references: " + listed);
    }

    private static String selection(QuerySelection selection) {
        return selection.chosenBy().size() + " fleet models chose the " + selection.queries() + " queries; fleet SHA-256 "
                + selection.fleetSha256() + (selection.fleetLocation() != null ? " (" + selection.fleetLocation() + ")" : "");
    }

    private static String json(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
