package io.modelprint.verify;

import io.modelprint.fingerprint.Calibration;

/**
 * A p-value that claims no more than its k references support. The parametric tail (beta-binomial
 * or Student-t over all references, and where the references have kinds the largest of that and
 * each kind's tail: {@link KindAwareTail}, whose kind is {@code tailFrom}) extrapolates beyond
 * the references; it is reported only where that is earned:
 * <ul>
 *   <li>when some reference is at least as similar as the suspect, the empirical p-value
 *       (1 + #references at least as similar) / (k + 1), exact for exchangeable models, is a lower
 *       bound: a model like a known independent one is not extraordinary;</li>
 *   <li>otherwise the tail is floored at 10^(−k / {@value #REFERENCES_PER_DECADE}): each decade
 *       below 1 needs {@value #REFERENCES_PER_DECADE} references (8 for 0.01, 16 for 1e-4).</li>
 * </ul>
 * Both bounds only raise p, so a valid parametric p-value stays valid.
 */
public record SupportedPValue(double value, double parametric, double empirical, double floor, int references,
        String tailFrom) {
    public static final int REFERENCES_PER_DECADE = 4;

    /** The supported p-value of {@code similarity} ({@code matches} of the fingerprint's queries, for counting schemes). */
    public static SupportedPValue of(Calibration calibration, double similarity, Integer matches, int queries) {
        double[] references = calibration.rates();
        KindAwareTail tail = KindAwareTail.of(calibration, similarity, matches, queries);
        double parametric = tail.value();
        int atLeast = 0;
        for (double r : references) {
            // rates are stored as doubles of count / queries: compare with a hair of slack for rounding
            atLeast += r >= similarity - 1e-12 ? 1 : 0;
        }
        int k = references.length;
        double empirical = (1.0 + atLeast) / (k + 1);
        double floor = floor(k);
        double value = atLeast > 0 ? Math.max(parametric, empirical) : Math.max(parametric, floor);
        return new SupportedPValue(Math.min(1, value), parametric, empirical, floor, k, tail.decidedBy());
    }

    /** The smallest p-value {@code references} references support. */
    public static double floor(int references) {
        return Math.pow(10, -(double) references / REFERENCES_PER_DECADE);
    }

    /** The references needed before a p-value as small as {@code alpha} is supported: 8 for 0.01. */
    public static int referencesFor(double alpha) {
        return (int) Math.ceil(-Math.log10(alpha) * REFERENCES_PER_DECADE - 1e-9);
    }

    /** Whether the reported value is a bound set by the references rather than the parametric tail. */
    public boolean bounded() {
        return value > parametric;
    }
}
