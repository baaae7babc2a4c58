package io.modelprint.scheme;

/** Fraction of queries on which two label lists agree (paper §3.3). */
public final class MatchingRate implements Distance<long[]> {
    @Override
    public String name() {
        return "matching-rate";
    }

    @Override
    public double similarity(long[] fingerprint, long[] suspect) {
        if (fingerprint.length != suspect.length) {
            throw new IllegalArgumentException("label lists differ in length: " + fingerprint.length + " vs " + suspect.length);
        }
        if (fingerprint.length == 0) {
            throw new IllegalArgumentException("matching rate of zero queries is undefined");
        }
        return (double) count(fingerprint, suspect) / fingerprint.length;
    }

    @Override
    public SimilarityRange range() {
        return SimilarityRange.UNIT;
    }

    @Override
    public Integer matches(long[] fingerprint, long[] suspect) {
        return count(fingerprint, suspect);
    }

    /** The matching share is a count of successes out of the queries. */
    @Override
    public NullModel nullModel() {
        return NullModel.BETA_BINOMIAL;
    }

    @Override
    public boolean needsConvergedQueries() {
        return true;
    }

    /** Number of positions where the two label lists agree. */
    public static int count(long[] fingerprint, long[] suspect) {
        int same = 0;
        for (int i = 0; i < Math.min(fingerprint.length, suspect.length); i++) {
            same += fingerprint[i] == suspect[i] ? 1 : 0;
        }
        return same;
    }
}
