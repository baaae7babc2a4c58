package io.modelprint.lab.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle's calibrated verdicts from its members': a suspect is derived when any member's p-value
 * is at most alpha / m (Holm's first step, which is Bonferroni's: the family-wise false-positive rate
 * stays at most alpha whatever the dependence between members). Its p-value is min(1, m * min p).
 */
public final class VerdictBundles {
    private VerdictBundles() {}

    public static VerdictResult of(List<VerdictResult> members) {
        String name = "bundle:" + String.join("+", members.stream().map(m -> m.run().scheme()).toList());
        VerdictResult first = members.get(0);
        VerdictRun run = new VerdictRun(name, members.stream().mapToInt(VerdictResult::queries).sum(), Map.of(),
                first.run().fleetSha256());
        if (members.stream().anyMatch(m -> m.error() != null)) {
            return VerdictResult.failed(run, first.alpha(), "a member cannot fingerprint this target");
        }
        int m = members.size();
        Map<String, Double> combined = new LinkedHashMap<>();
        Map<String, Double> evidence = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (String suspect : first.pValues().keySet()) {
            double smallest = 1;
            String missing = null;
            for (VerdictResult member : members) {
                Double p = member.pValues().get(suspect);
                if (p == null) {
                    missing = member.skipped().getOrDefault(suspect, "not asked by " + member.run().scheme());
                    break;
                }
                smallest = Math.min(smallest, p);
            }
            if (missing != null) {
                skipped.put(suspect, missing);
            } else {
                combined.put(suspect, Math.min(1, m * smallest));
                evidence.put(suspect, -Math.log10(Math.min(1, m * smallest)));
            }
        }
        first.skipped().forEach(skipped::putIfAbsent);
        double floor = members.stream().mapToDouble(VerdictResult::smallestSupportedPValue).min().orElse(1) * m;
        return new VerdictResult(run, members.stream().map(VerdictResult::access).reduce(first.access(), VerdictBundles::stronger),
                run.n(), members.stream().mapToDouble(VerdictResult::seconds).sum(), first.alpha(),
                members.stream().mapToInt(VerdictResult::references).min().orElse(0), Math.min(1, floor), evidence, combined, skipped,
                null);
    }

    private static String stronger(String a, String b) {
        return io.modelprint.scheme.Access.parse(a).compareTo(io.modelprint.scheme.Access.parse(b)) >= 0 ? a : b;
    }
}
