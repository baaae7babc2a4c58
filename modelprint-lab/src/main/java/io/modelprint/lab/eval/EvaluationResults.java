package io.modelprint.lab.eval;

import io.modelprint.lab.zoo.ZooManifest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every configuration's result, and the best configuration of each method (highest ARUC, then fastest). */
public record EvaluationResults(String preset, ZooManifest zoo, List<MethodResult> methods) {
    public static final List<String> METHOD_ORDER = List.of("random", "fgsm", "igsm", "cw-l2", "ipguard");

    public Map<String, MethodResult> best() {
        Map<String, MethodResult> best = new LinkedHashMap<>();
        for (String method : METHOD_ORDER) {
            methods.stream().filter(r -> r.method().equals(method))
                    .max(Comparator.comparingDouble(MethodResult::aruc).thenComparing(Comparator.comparingDouble(MethodResult::seconds).reversed()))
                    .ifPresent(r -> best.put(method, r));
        }
        return best;
    }
}
