package io.modelprint.lab.eval;

import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.scheme.Access;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle of schemes scored on the zoo from its members' results: each member's similarity is
 * standardised against that member's negatives (z = (s - mean) / sd; a negative is standardised
 * against the other negatives, so it does not judge itself), and the bundle's score of a suspect is
 * its largest z: the counterpart of the Bonferroni rule verify uses, which goes by the smallest
 * member p-value.
 */
public final class BundleScores {
    private BundleScores() {}

    public static SchemeResult of(List<SchemeResult> members, List<ZooEntry> suspects) {
        String name = "bundle:" + String.join("+", members.stream().map(m -> m.run().scheme()).toList());
        SchemeRun run = new SchemeRun(name, members.get(0).run().n(), Map.of());
        if (members.stream().anyMatch(m -> m.error() != null)) {
            return SchemeResult.failed(run, "a member cannot fingerprint this target");
        }
        Map<String, Double> combined = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (ZooEntry suspect : suspects) {
            double best = Double.NEGATIVE_INFINITY;
            for (SchemeResult member : members) {
                Double s = member.similarities().get(suspect.name());
                if (s == null) {
                    skipped.put(suspect.name(), member.skipped().getOrDefault(suspect.name(), "no similarity"));
                    best = Double.NaN;
                    break;
                }
                best = Math.max(best, standardised(member, suspects, suspect, s));
            }
            if (!Double.isNaN(best)) {
                combined.put(suspect.name(), best);
            }
        }
        FamilyScores scores = FamilyScores.of(suspects, combined);
        Access access = members.stream().map(m -> Access.parse(m.access())).max(Enum::compareTo).orElse(Access.LABELS);
        return new SchemeResult(run, access.label(), members.stream().mapToInt(SchemeResult::queries).sum(),
                members.stream().mapToDouble(SchemeResult::seconds).sum(), scores.negatives(), scores.families(),
                scores.allPositives(), combined, skipped, null);
    }

    private static double standardised(SchemeResult member, List<ZooEntry> suspects, ZooEntry suspect, double s) {
        List<Double> reference = new ArrayList<>();
        for (ZooEntry e : suspects) {
            Double v = member.similarities().get(e.name());
            if (v != null && SuspectFamily.of(e).equals(SuspectFamily.NEGATIVE) && !e.name().equals(suspect.name())) {
                reference.add(v);
            }
        }
        double mean = reference.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = reference.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, reference.size() - 1);
        return (s - mean) / Math.max(1e-3, Math.sqrt(variance));
    }
}
