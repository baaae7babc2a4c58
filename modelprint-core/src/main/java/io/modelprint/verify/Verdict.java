package io.modelprint.verify;

import io.modelprint.scheme.Question;

/**
 * A suspect judged against a fingerprint: the scheme's similarity (for label-matching schemes the
 * matching rate, with the number of matching queries), the threshold, the decision and what decided
 * it, and for a calibrated fingerprint the supported p-value: the probability that an independent
 * model is at least this similar (null when the fingerprint is not calibrated). A calibrated verdict
 * is "derived" when p ≤ alpha unless the user gave a threshold; an uncalibrated one follows the
 * scheme's default threshold and says so ({@link DecisionBasis#DEFAULT_THRESHOLD}).
 */
public record Verdict(String scheme, double similarity, double threshold, Decision decision, int queries, Integer matches,
        Double pValue, DecisionBasis basis, double alpha) {

    /** Judged by the similarity against {@code threshold} ({@code given}: the user chose it), or by p against alpha when calibrated. */
    public static Verdict of(String scheme, double similarity, double threshold, boolean given, int queries, Integer matches,
            Double pValue, double alpha) {
        return of(scheme, Question.DERIVATION, similarity, threshold, given, queries, matches, pValue, alpha);
    }

    /**
     * As above for a scheme asking {@code question}: a tampering scheme is never calibrated, and at its
     * default threshold it is decided by its tolerance (unmodified when every sample is within it).
     */
    public static Verdict of(String scheme, Question question, double similarity, double threshold, boolean given, int queries,
            Integer matches, Double pValue, double alpha) {
        DecisionBasis basis = given ? DecisionBasis.THRESHOLD
                : pValue != null ? DecisionBasis.P_VALUE
                : question == Question.TAMPERING ? DecisionBasis.TOLERANCE : DecisionBasis.DEFAULT_THRESHOLD;
        boolean reached = basis == DecisionBasis.P_VALUE ? pValue <= alpha : similarity >= threshold;
        return new Verdict(scheme, similarity, threshold, question.decide(reached), queries, matches, pValue, basis, alpha);
    }

    /** True for labels x matching rate, where the similarity is a share of matching queries. */
    public boolean countsMatches() {
        return matches != null;
    }

    /** The matching rate of a label-matching scheme (its similarity). */
    public double matchingRate() {
        if (matches == null) {
            throw new IllegalStateException(scheme + " does not match labels; use similarity()");
        }
        return similarity;
    }

    /** "derived", "independent", "modified", with what decided it when that was not a p-value: "derived (uncalibrated)". */
    public String decisionText() {
        return basis == DecisionBasis.P_VALUE ? decision.label() : decision.label() + " (" + basis.label() + ")";
    }
}
