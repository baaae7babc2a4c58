package io.modelprint.verify;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The matching count of a new independent model of one kind, predicted from the k references of
 * that kind: their rates on the arcsine-square-root scale, where a binomial rate's sampling spread
 * is 1/(2√n) whatever its mean and the skew of rates near 0 is undone, are taken as normal with
 * unknown mean and variance, so a new model's value follows mean + sd √(1 + 1/k) t(k−1). Unlike a
 * plug-in fit this widens the tail for the uncertainty of a few references' mean and spread. The
 * standard deviation is floored at the sampling spread 1/(2√n): n queries cannot tell models apart
 * more finely, so references that agree by chance do not make every higher count significant.
 */
public record ArcsineTNull(double mean, double sd, int references) {

    /** Fits to the matching rates of at least 2 references measured on {@code queries} queries each. */
    public static ArcsineTNull fit(double[] rates, int queries) {
        if (rates.length < 2) {
            throw new IllegalArgumentException("a kind's fit needs at least 2 references, got " + rates.length);
        }
        double mean = 0;
        for (double r : rates) {
            mean += scale(r);
        }
        mean /= rates.length;
        double variance = 0;
        for (double r : rates) {
            variance += (scale(r) - mean) * (scale(r) - mean);
        }
        variance /= rates.length - 1;
        return new ArcsineTNull(mean, Math.max(0.5 / Math.sqrt(queries), Math.sqrt(variance)), rates.length);
    }

    /** P(X ≥ matches) for a new model of this kind answering {@code queries} queries (continuity-corrected: X > matches − ½). */
    public double upperTail(int matches, int queries) {
        if (matches <= 0) {
            return 1;
        }
        double at = scale((matches - 0.5) / queries);
        double t = (at - mean) / (sd * Math.sqrt(1 + 1.0 / references));
        return new TDistribution(null, references - 1).cumulativeProbability(-t);
    }

    private static double scale(double rate) {
        return Math.asin(Math.sqrt(Math.min(1, Math.max(0, rate))));
    }
}
