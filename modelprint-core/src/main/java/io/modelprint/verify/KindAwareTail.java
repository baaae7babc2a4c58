package io.modelprint.verify;

import io.modelprint.fingerprint.Calibration;
import java.util.Map;

/**
 * The parametric tail of a calibration, accounting for the spread between kinds of references.
 * The fit over all references (beta-binomial for matching counts, Student-t for continuous
 * similarities) describes their mixture in the proportions the owner happened to make; an honest
 * suspect may be of any one kind, typically the hardest (the owner's own recipe on the full data,
 * or for schemes built on the target's mistakes the weakest models). So the tail is the largest of
 * the pooled fit and a fit to each kind with at least {@value #MIN_PER_KIND} references: the tail
 * of the least favourable mixture of the kinds. Kinds with fewer references count in the pooled
 * fit only. A calibration without kinds gets the pooled tail, as before kinds were recorded.
 */
public record KindAwareTail(double value, double pooled, String decidedBy) {
    /** References a kind needs before it gets a fit of its own. */
    public static final int MIN_PER_KIND = 3;

    /** The pooled fit decided ({@link #decidedBy()}), not a kind's. */
    public static final String POOLED = "all references";

    /** The tail at {@code similarity} ({@code matches} of {@code queries}, for counting schemes). */
    public static KindAwareTail of(Calibration calibration, double similarity, Integer matches, int queries) {
        boolean counts = Calibration.BETA_BINOMIAL.equals(calibration.model()) && matches != null;
        double pooled = counts ? BetaBinomial.fit(calibration.rates(), calibration.queries()).upperTail(matches, queries)
                : StudentTNull.fit(calibration.rates()).upperTail(similarity);
        double value = pooled;
        String decidedBy = POOLED;
        for (Map.Entry<String, double[]> kind : calibration.ratesByKind().entrySet()) {
            double[] rates = kind.getValue();
            if (rates.length < MIN_PER_KIND) {
                continue;
            }
            double tail = counts ? ArcsineTNull.fit(rates, calibration.queries()).upperTail(matches, queries)
                    : StudentTNull.fit(rates).upperTail(similarity);
            if (tail > value) {
                value = tail;
                decidedBy = kind.getKey();
            }
        }
        return new KindAwareTail(value, pooled, decidedBy);
    }
}
