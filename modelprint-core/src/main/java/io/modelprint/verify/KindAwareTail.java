package io.modelprint.verify;

import io.modelprint.fingerprint.Calibration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parametric tail of a calibration, accounting for the spread between kinds of references.
 * The fit over all references (beta-binomial for matching counts, Student-t for continuous
 * similarities) describes their mixture in the proportions the owner happened to make; an honest
 * suspect may be of any one kind, typically the hardest (the owner's own recipe on the full data,
 * or for schemes built on the target's mistakes the weakest models). So the tail is the largest of
 * the pooled fit and each kind's predictive tail: the tail of the least favourable mixture of the
 * kinds. A kind with at least {@value #MIN_OWN_FIT} references gets a fit of its own (its mean and
 * spread, a predictive Student-t with k − 1 degrees of freedom): valid however differently the kinds
 * spread. A kind of 2 says too little about its spread for a fit of its own (a t with 1 degree of
 * freedom), yet ignoring it let held-out models of such a kind get p ≤ 0.01 one time in ten; it
 * gets its own mean with the spread pooled over all kinds of 2 or more references
 * ({@link WithinKindNull}; where that leaves fewer than 2 degrees of freedom, e.g. one pair beside
 * kinds of one, the pair counts in the pooled fit only). Kinds of one reference count in the pooled
 * fit only.
 * Matching counts are compared on the arcsine-square-root scale, continuity-corrected. A
 * calibration without kinds gets the pooled tail, as before kinds were recorded.
 */
public record KindAwareTail(double value, double pooled, String decidedBy) {
    /** The pooled fit decided ({@link #decidedBy()}), not a kind's. */
    public static final String POOLED = "all references";

    /** References a kind needs for a fit of its own, where kinds spread differently. */
    public static final int MIN_OWN_FIT = 3;

    /** Continuous similarities closer than this are not told apart (as {@link StudentTNull}). */
    private static final double MIN_SD = 1e-3;

    /** The tail at {@code similarity} ({@code matches} of {@code queries}, for counting schemes). */
    public static KindAwareTail of(Calibration calibration, double similarity, Integer matches, int queries) {
        boolean counts = Calibration.BETA_BINOMIAL.equals(calibration.model()) && matches != null;
        double pooled = counts ? BetaBinomial.fit(calibration.rates(), calibration.queries()).upperTail(matches, queries)
                : StudentTNull.fit(calibration.rates()).upperTail(similarity);
        if (counts && matches <= 0) {
            return new KindAwareTail(pooled, pooled, POOLED);
        }
        Map<String, double[]> byKind = new LinkedHashMap<>();
        calibration.ratesByKind().forEach((kind, rates) -> byKind.put(kind, counts ? arcsine(rates) : rates));
        double minSd = counts ? 0.5 / Math.sqrt(calibration.queries()) : MIN_SD;
        double at = counts ? arcsine((matches - 0.5) / queries) : similarity;
        WithinKindNull.Tail worst = new WithinKindNull.Tail(POOLED, pooled);
        Set<String> pairs = new LinkedHashSet<>();
        for (Map.Entry<String, double[]> kind : byKind.entrySet()) {
            if (kind.getValue().length >= MIN_OWN_FIT) {
                worst = larger(worst, WithinKindNull.fit(Map.of(kind.getKey(), kind.getValue()), minSd).upperTail(at));
            } else if (kind.getValue().length == WithinKindNull.MIN_PER_KIND) {
                pairs.add(kind.getKey());
            }
        }
        WithinKindNull together = pairs.isEmpty() ? null : WithinKindNull.fit(byKind, minSd);
        if (together != null) {
            worst = larger(worst, together.upperTail(at, pairs));
        }
        return new KindAwareTail(worst.value(), pooled, worst.kind());
    }

    private static WithinKindNull.Tail larger(WithinKindNull.Tail a, WithinKindNull.Tail b) {
        return b.value() > a.value() ? b : a;
    }

    private static double[] arcsine(double[] rates) {
        double[] scaled = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            scaled[i] = arcsine(rates[i]);
        }
        return scaled;
    }

    private static double arcsine(double rate) {
        return Math.asin(Math.sqrt(Math.min(1, Math.max(0, rate))));
    }
}
