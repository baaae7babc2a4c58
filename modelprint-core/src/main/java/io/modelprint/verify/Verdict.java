package io.modelprint.verify;

/** Matching rate of a suspect against a fingerprint, the threshold it was judged by, and the decision. */
public record Verdict(double matchingRate, double threshold, Decision decision, int queries, int matches) {
    public static Verdict of(int matches, int queries, double threshold) {
        double rate = (double) matches / queries;
        return new Verdict(rate, threshold, rate >= threshold ? Decision.DERIVED : Decision.INDEPENDENT, queries, matches);
    }
}
