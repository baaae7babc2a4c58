package io.modelprint.scheme.modelgif;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * The points along the straight path from the reference r to a sample x, r + alpha (x − r), and
 * their weights: Gauss–Legendre on [0, 1] with {@code steps} nodes, as ModelGiF's code takes from
 * Captum's integrated gradients. Nodes ascend; the weights sum to 1.
 */
public record PathQuadrature(double[] alphas, double[] weights) {
    public static PathQuadrature gaussLegendre(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a path needs at least 1 step, got " + steps);
        }
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(steps, 0, 1);
        double[] alphas = new double[steps];
        double[] weights = new double[steps];
        Integer[] order = new Integer[steps];
        for (int i = 0; i < steps; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(rule::getPoint));
        for (int i = 0; i < steps; i++) {
            alphas[i] = rule.getPoint(order[i]);
            weights[i] = rule.getWeight(order[i]);
        }
        return new PathQuadrature(alphas, weights);
    }

    public int steps() {
        return alphas.length;
    }
}
