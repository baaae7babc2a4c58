package io.modelprint.lab.eval;

import io.modelprint.scheme.boundary.SeedSelection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a Table-4 sweep: a scheme at one initialization x target-label combination (TR, TL,
 * RR, RL: paper Table 3) and one value of its swept parameter (none for Random), with its fixed
 * parameters, at {@code n} queries: everything its fingerprint and its cached result depend on.
 */
public record SweepPoint(String scheme, String combo, String parameter, String shown, double value, Map<String, Object> fixed,
        int n) implements ZooRun {

    public SweepPoint {
        selection(combo); // refuses an unknown combination
    }

    @Override
    public Map<String, Object> schemeParameters() {
        SeedSelection selection = selection(combo);
        Map<String, Object> given = new LinkedHashMap<>(fixed);
        given.put("init", selection.init() == SeedSelection.Init.DATA ? "data" : "random");
        given.put("label", selection.label() == SeedSelection.TargetLabel.LEAST_LIKELY ? "least-likely" : "random");
        if (parameter != null) {
            given.put(parameter, value);
        }
        given.put("n", n);
        return given;
    }

    /** The swept parameter as the report shows it, e.g. {eps=0.1}; empty for Random. */
    public Map<String, Object> reported() {
        return parameter == null ? Map.of() : Map.of(shown, value);
    }

    /** What the bench log calls it, e.g. "fgsm TL eps=0.1" ("random TL " for Random). */
    String describe() {
        return scheme + " " + combo + " " + (parameter == null ? "" : shown + "=" + value);
    }

    /** A stable file-name key, e.g. "ipguard-TL-k3.0". */
    @Override
    public String fileName() {
        return scheme + "-" + combo + (parameter == null ? "" : "-" + shown + value);
    }

    private static SeedSelection selection(String combo) {
        if (combo == null || combo.length() != 2) {
            throw new IllegalArgumentException("combination must be two letters (TR, TL, RR, RL), got '" + combo + "'");
        }
        return new SeedSelection(SeedSelection.Init.parse(combo.substring(0, 1)), SeedSelection.TargetLabel.parse(combo.substring(1, 2)));
    }
}
