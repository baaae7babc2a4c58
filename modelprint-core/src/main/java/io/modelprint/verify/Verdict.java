package io.modelprint.verify;

/**
 * A suspect judged against a fingerprint: the scheme's similarity (for label-matching schemes the
 * matching rate, with the number of matching queries), the threshold it was judged by, the decision,
 * and for a calibrated fingerprint the p-value: the probability that an independent model is at
 * least this similar (null when the fingerprint is not calibrated).
 */
public record Verdict(String scheme, double similarity, double threshold, Decision decision, int queries, Integer matches,
        Double pValue) {

    public static Verdict of(String scheme, double similarity, double threshold, int queries, Integer matches, Double pValue) {
        return new Verdict(scheme, similarity, threshold, similarity >= threshold ? Decision.DERIVED : Decision.INDEPENDENT,
                queries, matches, pValue);
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
}
