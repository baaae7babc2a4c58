package io.modelprint.scheme;

/**
 * A fingerprinting scheme: queries x representation x distance, with the threshold on the
 * similarity above which a suspect is judged derived. Similarities are higher for more alike
 * models; each scheme's range is stated by its factory.
 */
public record Scheme<R>(String name, QueryGenerator queries, Representation<R> representation, Distance<R> distance,
        double defaultThreshold) {

    /** What verifying needs of a suspect. */
    public Access suspectAccess() {
        return representation.access();
    }

    public double similarity(Answers fingerprint, Answers suspect) {
        return distance.similarity(representation.represent(fingerprint), representation.represent(suspect));
    }

    /** Labels x matching rate: the similarity is a share of matching queries (beta-binomial p-values). */
    public boolean countsMatches() {
        return representation instanceof Labels && distance instanceof MatchingRate;
    }
}
