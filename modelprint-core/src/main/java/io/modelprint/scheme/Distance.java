package io.modelprint.scheme;

/** How close a suspect's representation is to the fingerprint's; higher means more alike. */
public interface Distance<R> {
    String name();

    double similarity(R fingerprint, R suspect);

    /** The values {@link #similarity} can take; a threshold outside it is refused. */
    default SimilarityRange range() {
        return SimilarityRange.SIGNED_UNIT;
    }

    /** For a distance that counts matching queries, how many match; null otherwise. */
    default Integer matches(R fingerprint, R suspect) {
        return null;
    }

    /** How independent models' similarities are modelled for p-values. */
    default NullModel nullModel() {
        return NullModel.STUDENT_T;
    }

    /**
     * Whether a query its generator did not bring to its goal weakens the fingerprint: true where an
     * unconverged point (a near-raw image) is one independent models answer alike, as for matching labels.
     */
    default boolean needsConvergedQueries() {
        return false;
    }

    /** Whether it scores with a verifier the owner's fleet taught, recorded in the fingerprint's selection (metav). */
    default boolean usesLearnedVerifier() {
        return false;
    }
}
