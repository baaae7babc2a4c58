package io.modelprint.lab.eval;

import io.modelprint.lab.zoo.ZooManifest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every configuration's result, and the best configuration of each method (highest ARUC, then fastest). */
public record EvaluationResults(String preset, ZooManifest zoo, List<MethodResult> methods) {
    /** The methods in the order of Table 4 (the order their first results come in). */
    public Set<String> methodNames() {
        Set<String> names = new LinkedHashSet<>();
        methods.forEach(r -> names.add(r.method()));
        return names;
    }

    public Map<String, MethodResult> best() {
        Map<String, MethodResult> best = new LinkedHashMap<>();
        for (String method : methodNames()) {
            methods.stream().filter(r -> r.method().equals(method))
                    .max(Comparator.comparingDouble(MethodResult::aruc).thenComparing(Comparator.comparingDouble(MethodResult::seconds).reversed()))
                    .ifPresent(r -> best.put(method, r));
        }
        return best;
    }
}
