package io.modelprint.scheme.deepjudge;

/**
 * The Jensen-Shannon divergence of two distributions, in bits: JS(p, q) = (KL(p‖m) + KL(q‖m)) / 2
 * with m = (p + q) / 2, in [0,1]. DeepJudge (metrics.py) computes it with scipy's natural logarithm,
 * in [0, ln 2]; bits are that divided by ln 2.
 */
public final class JensenShannon {
    private JensenShannon() {}

    public static double divergence(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions differ in size: " + p.length + " vs " + q.length);
        }
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            double m = (p[c] + q[c]) / 2;
            sum += term(p[c], m) + term(q[c], m);
        }
        return Math.max(0, Math.min(1, sum / 2 / Math.log(2)));
    }

    private static double term(double x, double m) {
        return x > 0 ? x * Math.log(x / m) : 0;
    }
}
