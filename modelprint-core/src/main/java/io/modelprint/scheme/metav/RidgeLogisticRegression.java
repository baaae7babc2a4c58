package io.modelprint.scheme.metav;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) with step halving. It minimises
 * Σ_j c_j [log(1 + e^{z_j}) − y_j z_j] + (λ/2)‖w‖², z_j = b + w·x_j, with per-example weights c_j and
 * the intercept b practically unpenalised ({@value #INTERCEPT_SHARE} λ, so that the Newton system stays
 * positive definite when every example is far from the boundary). With λ > 0 the objective is
 * strictly convex and its minimiser finite even when the classes separate, as a fleet's few models do.
 * With more features than examples the fit is made in the span of the examples ({@link RowSpace}),
 * which holds the minimiser: a Newton system of the examples' size, not the features'.
 */
final class RidgeLogisticRegression {
    /** Newton steps at the most; a strictly convex problem of this size converges in tens. */
    static final int MAX_STEPS = 100;
    /** A step moving no coordinate by more than this ends the fit. */
    static final double TOLERANCE = 1e-10;
    /** The intercept's share of the penalty. */
    static final double INTERCEPT_SHARE = 1e-9;

    /** The fitted weights and intercept, and the Newton steps taken. */
    record Fit(double[] weights, double intercept, int steps) {
        double logOdds(double[] x) {
            double z = intercept;
            for (int i = 0; i < weights.length; i++) {
                z += weights[i] * x[i];
            }
            return z;
        }
    }

    private RidgeLogisticRegression() {}

    /**
     * @param x one row of features per example, all of the same length
     * @param y the examples' classes (true: the positive class)
     * @param c the examples' weights, each > 0
     * @param lambda the penalty on the weights, > 0
     */
    static Fit fit(double[][] x, boolean[] y, double[] c, double lambda) {
        if (x.length == 0 || x.length != y.length || x.length != c.length || !(lambda > 0)) {
            throw new IllegalArgumentException(x.length + " examples, " + y.length + " classes, " + c.length
                    + " weights, lambda " + lambda + ": need as many of each, at least one, and lambda > 0");
        }
        int features = x[0].length;
        if (features <= x.length) {
            return fitDirect(x, y, c, lambda);
        }
        // more features than examples (a fleet's 10 models, n or n x classes features): fit in the examples' span
        RowSpace space = RowSpace.of(x);
        double[][] reduced = new double[x.length][];
        for (int j = 0; j < x.length; j++) {
            reduced[j] = space.coordinates(x[j]);
        }
        Fit fit = fitDirect(reduced, y, c, lambda);
        return new Fit(space.vector(fit.weights(), features), fit.intercept(), fit.steps());
    }

    /** Newton's method in the features' own coordinates. */
    static Fit fitDirect(double[][] x, boolean[] y, double[] c, double lambda) {
        int d = x[0].length + 1; // coordinate 0 is the intercept
        double[] theta = new double[d];
        double objective = objective(x, y, c, lambda, theta);
        for (int step = 1; step <= MAX_STEPS; step++) {
            double[] gradient = new double[d];
            RealMatrix hessian = MatrixUtils.createRealMatrix(d, d);
            for (int j = 0; j < x.length; j++) {
                double p = sigmoid(z(x[j], theta));
                double residual = c[j] * (p - (y[j] ? 1 : 0));
                double curvature = c[j] * p * (1 - p);
                for (int a = 0; a < d; a++) {
                    double xa = a == 0 ? 1 : x[j][a - 1];
                    gradient[a] += residual * xa;
                    for (int b = 0; b <= a; b++) {
                        hessian.addToEntry(a, b, curvature * xa * (b == 0 ? 1 : x[j][b - 1]));
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian.setEntry(b, a, hessian.getEntry(a, b));
                }
                double penalty = a == 0 ? INTERCEPT_SHARE * lambda : lambda;
                gradient[a] += penalty * theta[a];
                hessian.addToEntry(a, a, penalty);
            }
            double[] newton = new CholeskyDecomposition(hessian, CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0)
                    .getSolver().solve(MatrixUtils.createRealVector(gradient)).toArray();
            double scale = 1;
            double[] next = theta;
            double nextObjective = objective;
            for (int halving = 0; halving < 40; halving++, scale /= 2) {
                next = new double[d];
                for (int a = 0; a < d; a++) {
                    next[a] = theta[a] - scale * newton[a];
                }
                nextObjective = objective(x, y, c, lambda, next);
                if (nextObjective <= objective) {
                    break;
                }
            }
            double moved = 0;
            for (int a = 0; a < d; a++) {
                moved = Math.max(moved, Math.abs(next[a] - theta[a]));
            }
            if (nextObjective > objective) {
                return fit(theta, step); // no descent left within rounding: theta is the minimiser
            }
            theta = next;
            objective = nextObjective;
            if (moved < TOLERANCE) {
                return fit(theta, step);
            }
        }
        return fit(theta, MAX_STEPS);
    }

    private static Fit fit(double[] theta, int steps) {
        return new Fit(java.util.Arrays.copyOfRange(theta, 1, theta.length), theta[0], steps);
    }

    private static double objective(double[][] x, boolean[] y, double[] c, double lambda, double[] theta) {
        double sum = 0;
        for (int j = 0; j < x.length; j++) {
            double z = z(x[j], theta);
            sum += c[j] * (softplus(z) - (y[j] ? z : 0));
        }
        for (int a = 0; a < theta.length; a++) {
            sum += (a == 0 ? INTERCEPT_SHARE * lambda : lambda) / 2 * theta[a] * theta[a];
        }
        return sum;
    }

    private static double z(double[] x, double[] theta) {
        double z = theta[0];
        for (int i = 0; i < x.length; i++) {
            z += theta[i + 1] * x[i];
        }
        return z;
    }

    /** log(1 + e^z) without overflow. */
    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
