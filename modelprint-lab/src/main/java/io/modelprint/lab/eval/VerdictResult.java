package io.modelprint.lab.eval;

import java.util.Map;

/**
 * A scheme's calibrated verdicts on the zoo: every suspect's similarity (for a bundle, -log10 of its
 * p-value) and supported p-value (derived when
 * p <= {@code alpha}), the suspects it could not ask and why, how many references calibrated it and
 * the smallest p-value they support, and {@code reach}: from which similarity its calibration calls a suspect
 * derived at alpha, or why none can be ({@link io.modelprint.verify.DecisionReach#describe()}; null for a bundle,
 * whose members decide at alpha / m). A scheme that cannot fingerprint the target has only {@code error} set.
 */
public record VerdictResult(VerdictRun run, String access, int queries, double seconds, double alpha, int references,
        double smallestSupportedPValue, Map<String, Double> similarities, Map<String, Double> pValues, Map<String, String> skipped,
        String error, String reach) {

    /** A result without a reach (a bundle, a failure). */
    public VerdictResult(VerdictRun run, String access, int queries, double seconds, double alpha, int references,
            double smallestSupportedPValue, Map<String, Double> similarities, Map<String, Double> pValues, Map<String, String> skipped,
            String error) {
        this(run, access, queries, seconds, alpha, references, smallestSupportedPValue, similarities, pValues, skipped, error, null);
    }

    static VerdictResult failed(VerdictRun run, double alpha, String error) {
        return new VerdictResult(run, null, 0, 0, alpha, 0, 1, Map.of(), Map.of(), Map.of(), error);
    }

    /** Whether {@code suspect} was called derived; null when it was not asked. */
    public Boolean derived(String suspect) {
        Double p = pValues.get(suspect);
        return p == null ? null : p <= alpha;
    }
}
