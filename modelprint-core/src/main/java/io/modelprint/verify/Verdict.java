package io.modelprint.verify;

/**
 * Matching rate of a suspect against a fingerprint, the threshold it was judged by, the decision,
 * and, for a calibrated fingerprint, the p-value: the probability that an independent model matches
 * at least this often (null when the fingerprint is not calibrated).
 */
public record Verdict(double matchingRate, double threshold, Decision decision, int queries, int matches, Double pValue) {
    public static Verdict of(int matches, int queries, double threshold, Double pValue) {
        double rate = (double) matches / queries;
        return new Verdict(rate, threshold, rate >= threshold ? Decision.DERIVED : Decision.INDEPENDENT, queries, matches, pValue);
    }
}
