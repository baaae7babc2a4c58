package io.modelprint.lab.eval;

import io.modelprint.scheme.Schemes;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A method of the paper's Table 4: the scheme it runs (by its name in {@code Schemes}), its name in
 * figure captions, and the parameters it is run with besides the swept one (the rest take the
 * scheme's defaults).
 */
public record SweptMethod(String scheme, String title, Map<String, Object> fixed) {
    public SweptMethod {
        Schemes.require(scheme, "evaluation preset");
        fixed = Collections.unmodifiableMap(new TreeMap<>(fixed));
    }
}
