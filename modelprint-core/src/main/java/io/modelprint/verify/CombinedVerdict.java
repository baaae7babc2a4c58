package io.modelprint.verify;

import java.util.List;

/**
 * The verdict of a bundle of schemes on one suspect. With every member calibrated: the Bonferroni
 * p-value min(1, k x the smallest member p-value), valid whatever the dependence between the
 * members (they look at the same suspect, so they are not independent), and "derived" when it is at
 * most alpha. Otherwise: "derived" when a strict majority of the members say so. A bundle of
 * tampering schemes (ssf, ssf-hard) is "modified" when any member is; {@code derivedMembers} then
 * counts the members that say modified.
 */
public record CombinedVerdict(Decision decision, String rule, Double pValue, int derivedMembers, int members) {
    public static final double DEFAULT_ALPHA = Verifier.DEFAULT_ALPHA;

    /** What decided it, as verdict rows say: the combined p-value, an uncalibrated majority, or (tampering) the tolerance. */
    public String decidedBy() {
        return pValue != null ? DecisionBasis.P_VALUE.label()
                : decision == Decision.MODIFIED || decision == Decision.UNMODIFIED ? DecisionBasis.TOLERANCE.label()
                : DecisionBasis.DEFAULT_THRESHOLD.label();
    }

    public static CombinedVerdict of(List<Verdict> verdicts, double alpha) {
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("no member verdicts to combine");
        }
        if (verdicts.stream().allMatch(CombinedVerdict::tampering)) {
            // the model is exactly the target only if no member saw it change
            int modified = (int) verdicts.stream().filter(v -> v.decision() == Decision.MODIFIED).count();
            return new CombinedVerdict(modified > 0 ? Decision.MODIFIED : Decision.UNMODIFIED, "any-modified", null, modified,
                    verdicts.size());
        }
        if (verdicts.stream().anyMatch(CombinedVerdict::tampering)) {
            throw new IllegalArgumentException("a bundle cannot combine tampering verdicts (unmodified / modified) with derivation verdicts");
        }
        int derived = (int) verdicts.stream().filter(v -> v.decision() == Decision.DERIVED).count();
        boolean calibrated = verdicts.stream().allMatch(v -> v.pValue() != null);
        if (calibrated) {
            double min = verdicts.stream().mapToDouble(Verdict::pValue).min().orElse(1);
            double p = Math.min(1, verdicts.size() * min);
            return new CombinedVerdict(p <= alpha ? Decision.DERIVED : Decision.INDEPENDENT, "bonferroni", p, derived,
                    verdicts.size());
        }
        return new CombinedVerdict(2 * derived > verdicts.size() ? Decision.DERIVED : Decision.INDEPENDENT, "majority", null,
                derived, verdicts.size());
    }

    private static boolean tampering(Verdict verdict) {
        return verdict.decision() == Decision.UNMODIFIED || verdict.decision() == Decision.MODIFIED;
    }
}
