package io.modelprint.scheme;

/**
 * A fingerprinting scheme: queries x representation x distance, the parameters it was made with, the
 * threshold on the similarity above which an uncalibrated suspect is judged derived, and the question
 * its verdicts answer (derivation, or tampering for SSF, where reaching the threshold means
 * unmodified). Similarities are higher for more alike models; each scheme's range is stated by its factory.
 */
public record Scheme<R>(String name, QueryGenerator queries, Representation<R> representation, Distance<R> distance,
        double defaultThreshold, SchemeParameters parameters, Question question) {

    /** A derivation scheme (derived / independent). */
    public Scheme(String name, QueryGenerator queries, Representation<R> representation, Distance<R> distance,
            double defaultThreshold, SchemeParameters parameters) {
        this(name, queries, representation, distance, defaultThreshold, parameters, Question.DERIVATION);
    }

    /** Whether its verdicts say unmodified / modified rather than derived / independent. */
    public boolean asksTampering() {
        return question == Question.TAMPERING;
    }

    /** What verifying needs of a suspect. */
    public Access suspectAccess() {
        return representation.access();
    }

    /** Whether it compares a suspect that answers another task than the target's. */
    public boolean comparesAcrossTasks() {
        return representation.comparesAcrossTasks();
    }

    public double similarity(Answers fingerprint, Answers suspect) {
        return distance.similarity(representation.represent(fingerprint), representation.represent(suspect));
    }

    /** How many queries match, for a distance that counts them (labels x matching rate); null otherwise. */
    public Integer matches(Answers fingerprint, Answers suspect) {
        return distance.matches(representation.represent(fingerprint), representation.represent(suspect));
    }

    /** The paper's threshold on the matching rate (docs/verification.md says how it was chosen). */
    public static final double MATCHING_THRESHOLD = 0.5;

    /** A label-matching scheme over {@code queries}: labels x matching rate at the paper's threshold. */
    public static Scheme<long[]> labelMatching(String name, QueryGenerator queries, SchemeParameters parameters) {
        return labelMatching(name, queries, MATCHING_THRESHOLD, parameters);
    }

    /** Labels x matching rate judged at {@code threshold}. */
    public static Scheme<long[]> labelMatching(String name, QueryGenerator queries, double threshold, SchemeParameters parameters) {
        return new Scheme<>(name, queries, new Labels(), new MatchingRate(), threshold, parameters);
    }
}
