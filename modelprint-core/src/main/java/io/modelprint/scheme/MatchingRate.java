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
        return (double) matches(fingerprint, suspect) / fingerprint.length;
    }

    /** Number of positions where the two label lists agree. */
    public static int matches(long[] fingerprint, long[] suspect) {
        int same = 0;
        for (int i = 0; i < Math.min(fingerprint.length, suspect.length); i++) {
            same += fingerprint[i] == suspect[i] ? 1 : 0;
        }
        return same;
    }
}
