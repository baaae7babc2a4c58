package io.modelprint.verify;

import io.modelprint.fingerprint.Calibration;
import io.modelprint.scheme.SimilarityRange;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a calibration lets a verdict say: the least similarity within the scheme's range whose
 * supported p-value is at most {@code alpha} (for counting schemes the least number of matching
 * queries; {@code matches} is null otherwise), and what sets the p-value there ({@code setBy}: a
 * kind's fit, all references, the number of references, or a reference at least as similar). When no
 * similarity in the range reaches alpha, {@code reachable} is false and the values are those of the
 * best case: the owner learns before any suspect is checked that this fingerprint can never say
 * "derived" at that level, and what holds it back.
 *
 * <p>The supported p-value never rises with the similarity (each parametric tail falls, the maximum of
 * falling tails falls, the empirical bound counts fewer references, the floor is constant), so the
 * least value is found by bisection.
 */
public record DecisionReach(double alpha, boolean reachable, double similarity, Integer matches, int queries,
        double pValue, String setBy) {
    public static final String BY_COUNT = "the number of references";
    public static final String BY_REFERENCE = "a reference at least as similar";
    private static final int MAX_DOUBLINGS = 200;
    /** Enough halvings to narrow any interval of doubles to adjacent values. */
    private static final int MAX_BISECTIONS = 2_100;

    /**
     * The reach of {@code calibration} for a fingerprint of {@code queries} queries in {@code range} at {@code alpha}; a
     * continuous scheme may have none (weights).
     */
    public static DecisionReach of(Calibration calibration, int queries, SimilarityRange range, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0,1), got " + alpha);
        }
        boolean counts = Calibration.BETA_BINOMIAL.equals(calibration.model());
        if (counts && queries < 1) {
            throw new IllegalArgumentException("a counting fingerprint has at least one query, got " + queries);
        }
        return counts ? counting(calibration, queries, alpha) : continuous(calibration, queries, range, alpha);
    }

    private static DecisionReach counting(Calibration calibration, int queries, double alpha) {
        SupportedPValue atHigh = matching(calibration, queries, queries);
        if (atHigh.value() > alpha) {
            return of(alpha, false, 1.0, queries, queries, atHigh);
        }
        int low = -1; // fewer matches than any: p above alpha
        int high = queries;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            SupportedPValue p = matching(calibration, middle, queries);
            if (p.value() <= alpha) {
                high = middle;
                atHigh = p;
            } else {
                low = middle;
            }
        }
        return of(alpha, true, high / (double) queries, high, queries, atHigh);
    }

    private static SupportedPValue matching(Calibration calibration, int matches, int queries) {
        return SupportedPValue.of(calibration, matches / (double) queries, matches, queries);
    }

    /** At the lowest reference every reference is at least as similar (p = 1); the top is the range's end, or found by doubling. */
    private static DecisionReach continuous(Calibration calibration, int queries, SimilarityRange range, double alpha) {
        double lowest = Arrays.stream(calibration.rates()).min().orElse(0);
        double highest = Arrays.stream(calibration.rates()).max().orElse(0);
        boolean bounded = Double.isFinite(range.max());
        double high = bounded ? range.max() : highest + Math.max(1e-3, StudentTNull.fit(calibration.rates()).sd());
        SupportedPValue atHigh = pAt(calibration, high, queries);
        for (int i = 0; !bounded && i < MAX_DOUBLINGS && atHigh.value() > alpha; i++) {
            high = highest + (high - highest) * 2;
            atHigh = pAt(calibration, high, queries);
        }
        if (atHigh.value() > alpha) {
            return of(alpha, false, bounded ? high : Double.POSITIVE_INFINITY, null, queries, atHigh);
        }
        double low = lowest;
        for (int i = 0; i < MAX_BISECTIONS; i++) {
            double middle = low + (high - low) / 2;
            if (middle <= low || middle >= high) {
                break;
            }
            SupportedPValue p = pAt(calibration, middle, queries);
            if (p.value() <= alpha) {
                high = middle;
                atHigh = p;
            } else {
                low = middle;
            }
        }
        return of(alpha, true, high, null, queries, atHigh);
    }

    private static SupportedPValue pAt(Calibration calibration, double similarity, int queries) {
        return SupportedPValue.of(calibration, similarity, null, queries);
    }

    private static DecisionReach of(double alpha, boolean reachable, double similarity, Integer matches, int queries,
            SupportedPValue p) {
        String setBy = !p.bounded() ? p.tailFrom() : p.value() == p.floor() ? BY_COUNT : BY_REFERENCE;
        return new DecisionReach(alpha, reachable, similarity, matches, queries, p.value(), setBy);
    }

    /** One clause for reports: "derived at p <= 0.01 from 83 of 100 matches (set by kind same-recipe)", or why never. */
    public String describe() {
        String level = level(alpha);
        String at = matches != null ? matches + " of " + queries + " matches"
                : Double.isInfinite(similarity) ? "any similarity" : "similarity " + digits(similarity, 6);
        String by = setBy.equals(KindAwareTail.POOLED) || setBy.equals(BY_COUNT) || setBy.equals(BY_REFERENCE) ? setBy
                : "kind " + setBy;
        if (reachable) {
            return String.format(Locale.ROOT, "derived at p <= %s from %s (set by %s)", level, at, by);
        }
        return String.format(Locale.ROOT, "no suspect can be called derived at p <= %s: p = %.2g at %s%s (set by %s)", level,
                pValue, matches != null || Double.isInfinite(similarity) ? "" : "the range's end, ", at, by);
    }

    /** A level as people write it: 0.01, 0.00333 for a third of it, 1e-300; never rounded up to 1. */
    public static String level(double alpha) {
        if (alpha < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", alpha).replaceFirst("\\.?0*e", "e");
        }
        String three = digits(alpha, 3);
        return Double.parseDouble(three) >= 1 ? digits(alpha, 6) : three;
    }

    private static String digits(double value, int significant) {
        return new BigDecimal(String.format(Locale.ROOT, "%." + significant + "g", value)).stripTrailingZeros().toPlainString();
    }
}
