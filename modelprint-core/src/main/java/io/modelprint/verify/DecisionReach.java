package io.modelprint.verify;

import io.modelprint.fingerprint.Calibration;

/**
 * What a calibration lets a verdict say: the least similarity whose supported p-value is at most
 * {@code alpha} (for counting schemes the least number of matching queries), and which fit sets the
 * p-value there ({@link SupportedPValue#tailFrom()}, or the references' floor when
 * {@code bounded}). When no similarity reaches alpha (every query matching, for a counting scheme; or
 * a floor above alpha), {@code reachable} is false and the values are those of the best case: the
 * owner learns before any suspect is checked that this fingerprint can never say "derived" at that
 * level, and which kind of reference holds it back.
 */
public record DecisionReach(double alpha, boolean reachable, double similarity, Integer matches, int queries,
        double pValue, String decidedBy, boolean bounded) {
    private static final int MAX_DOUBLINGS = 200;
    private static final int BISECTIONS = 60;

    /** The reach of {@code calibration} for a fingerprint of {@code queries} queries at {@code alpha}. */
    public static DecisionReach of(Calibration calibration, int queries, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0,1), got " + alpha);
        }
        return Calibration.BETA_BINOMIAL.equals(calibration.model()) ? counting(calibration, queries, alpha)
                : continuous(calibration, queries, alpha);
    }

    /** The least number of matches whose p-value is at most alpha; p only falls as matches rise. */
    private static DecisionReach counting(Calibration calibration, int queries, double alpha) {
        SupportedPValue p = null;
        for (int m = 0; m <= queries; m++) {
            p = SupportedPValue.of(calibration, m / (double) queries, m, queries);
            if (p.value() <= alpha) {
                return of(alpha, true, m / (double) queries, m, queries, p);
            }
        }
        return of(alpha, false, 1.0, queries, queries, p);
    }

    /**
     * The least similarity whose p-value is at most alpha. Above every reference the value is the
     * largest of decreasing tails and the floor, so it falls with similarity until the floor: found by
     * doubling a step past the highest reference, then bisecting.
     */
    private static DecisionReach continuous(Calibration calibration, int queries, double alpha) {
        double highest = java.util.Arrays.stream(calibration.rates()).max().orElse(0);
        double floor = SupportedPValue.floor(calibration.rates().length);
        if (floor > alpha) {
            return of(alpha, false, Double.POSITIVE_INFINITY, null, queries, pAt(calibration, highest + 1e300, queries));
        }
        double spread = Math.max(1e-3, StudentTNull.fit(calibration.rates()).sd());
        double low = highest;
        double high = highest + spread;
        for (int i = 0; i < MAX_DOUBLINGS && pAt(calibration, high, queries).value() > alpha; i++) {
            low = high;
            high = highest + (high - highest) * 2;
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double middle = low + (high - low) / 2;
            if (pAt(calibration, middle, queries).value() <= alpha) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return of(alpha, true, high, null, queries, pAt(calibration, high, queries));
    }

    private static SupportedPValue pAt(Calibration calibration, double similarity, int queries) {
        return SupportedPValue.of(calibration, similarity, null, queries);
    }

    private static DecisionReach of(double alpha, boolean reachable, double similarity, Integer matches, int queries,
            SupportedPValue p) {
        return new DecisionReach(alpha, reachable, similarity, matches, queries, p.value(), p.tailFrom(), p.bounded());
    }

    /** One clause for reports: "derived at p <= 0.01 from 83 of 100 matches (set by same-recipe)", or why never. */
    public String describe() {
        String at = matches != null ? matches + " of " + queries + " matches" : String.format(java.util.Locale.ROOT, "similarity %.4g", similarity);
        String by = bounded ? "the number of references" : decidedBy;
        if (reachable) {
            return String.format(java.util.Locale.ROOT, "derived at p <= %s from %s (set by %s)", alpha, at, by);
        }
        String best = matches != null ? "at " + at : "at any similarity";
        return String.format(java.util.Locale.ROOT, "no suspect can be called derived at p <= %s: p = %.2g %s (set by %s)",
                alpha, pValue, best, by);
    }
}
