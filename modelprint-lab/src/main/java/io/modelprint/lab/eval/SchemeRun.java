package io.modelprint.lab.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/** One scheme evaluated on the zoo: its name, --n (0 for a scheme that asks no queries) and parameters (besides the defaults). */
public record SchemeRun(String scheme, int n, Map<String, Object> parameters) implements ZooRun {
    /** A stable file-name key, e.g. "sac-w-n100". */
    public String key() {
        StringBuilder key = new StringBuilder(scheme).append("-n").append(n);
        parameters.forEach((k, v) -> key.append('-').append(k).append(v));
        return key.toString();
    }

    @Override
    public Map<String, Object> schemeParameters() {
        Map<String, Object> given = new LinkedHashMap<>(parameters);
        if (n > 0) { // n = 0: a scheme that asks no queries and declares no n
            given.put("n", n);
        }
        return given;
    }

    @Override
    public String fileName() {
        return "scheme-" + key();
    }
}
