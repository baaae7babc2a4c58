package io.modelprint.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The similarity of a new independent model of one kind, predicted from references of several
 * kinds: each kind has a mean of its own, and the spread of models around their kind's mean is
 * estimated from all kinds together (the pooled within-kind variance of a one-way layout, with
 * k − K degrees of freedom for k references in K kinds). A kind of 2 references alone would give
 * a Student-t with 1 degree of freedom (of 3: 2), whose tail is wide where the kind spreads widely
 * (the quick fleet's 3 same-recipe references under AKH, at 0.51-0.73, leave an exact copy at
 * p = 0.023); pooling the spread gives each kind's tail the degrees of freedom of every reference
 * while keeping the kinds' means apart. Pooling assumes the kinds spread alike, which references
 * can contradict (a simulation with one kind 4x as spread as another: p ≤ 0.01 for 2.9 % of that
 * kind's held-out models); a kind whose own standard deviation is larger than the pooled one is
 * judged with its own, so a kind that spreads more than the rest widens its tail, never narrows
 * another's; {@link KindAwareTail} therefore pools only for kinds of 2 references, whose own spread
 * says too little, and fits every larger kind alone. Fitted to one kind, this is that kind's own
 * predictive Student-t with k − 1 degrees of freedom, valid however the kinds spread.
 *
 * <p>Values are on the scale the caller chose (arcsine-square-root for matching rates, where a
 * binomial rate's sampling spread is the same at every mean; the similarity itself otherwise); the
 * spread is floored at {@code minSd}, the finest difference the queries can measure.
 */
public final class WithinKindNull {
    /** References a kind needs to count here; a kind of one says nothing about spread. */
    public static final int MIN_PER_KIND = 2;

    private final Map<String, double[]> kinds;
    private final double pooledSd;
    private final int degreesOfFreedom;

    private WithinKindNull(Map<String, double[]> kinds, double pooledSd, int degreesOfFreedom) {
        this.kinds = kinds;
        this.pooledSd = pooledSd;
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /** The kind whose tail is the largest, and that tail. */
    public record Tail(String kind, double value) {}

    /**
     * A fit to the kinds with at least {@value #MIN_PER_KIND} values each (already on the tail's
     * scale), or null when fewer than 2 degrees of freedom remain (one kind of 2 values, or none).
     */
    public static WithinKindNull fit(Map<String, double[]> valuesByKind, double minSd) {
        Map<String, double[]> kept = new LinkedHashMap<>();
        int references = 0;
        double squares = 0;
        for (Map.Entry<String, double[]> kind : valuesByKind.entrySet()) {
            double[] values = kind.getValue();
            if (values.length < MIN_PER_KIND) {
                continue;
            }
            kept.put(kind.getKey(), values);
            references += values.length;
            double mean = mean(values);
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
        }
        int degreesOfFreedom = references - kept.size();
        if (degreesOfFreedom < 2) {
            return null;
        }
        return new WithinKindNull(kept, Math.max(minSd, Math.sqrt(squares / degreesOfFreedom)), degreesOfFreedom);
    }

    /** The largest over kinds of P(a new model of that kind scores at least {@code at}). */
    public Tail upperTail(double at) {
        return upperTail(at, kinds.keySet());
    }

    /** The largest over the kinds {@code among} (others only lend their spread). */
    public Tail upperTail(double at, Set<String> among) {
        TDistribution t = new TDistribution(null, degreesOfFreedom);
        String worst = null;
        double largest = -1;
        for (Map.Entry<String, double[]> kind : kinds.entrySet()) {
            if (!among.contains(kind.getKey())) {
                continue;
            }
            double[] values = kind.getValue();
            double scale = Math.max(pooledSd, sd(values)) * Math.sqrt(1 + 1.0 / values.length);
            double tail = t.cumulativeProbability(-(at - mean(values)) / scale);
            if (tail > largest) {
                largest = tail;
                worst = kind.getKey();
            }
        }
        return new Tail(worst, largest);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sd(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
