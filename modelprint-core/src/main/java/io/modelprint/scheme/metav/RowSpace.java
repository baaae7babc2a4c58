package io.modelprint.scheme.metav;

import java.util.ArrayList;
import java.util.List;

/**
 * An orthonormal basis of the span of some rows (Gram-Schmidt, twice for accuracy; a row within
 * {@value #DEPENDENT} of the span of those before it adds nothing). A ridge-penalised linear model's
 * weights lie in the span of its training examples (any part orthogonal to all of them changes no
 * example's score and only adds to the penalty), so a fit over d features from m < d examples can be
 * made in the r ≤ m coordinates of this basis, with the same minimiser.
 */
record RowSpace(double[][] basis) {
    /** Relative size below which what is left of a row after projection counts as nothing. */
    static final double DEPENDENT = 1e-10;

    static RowSpace of(double[][] rows) {
        List<double[]> basis = new ArrayList<>();
        for (double[] row : rows) {
            double[] v = row.clone();
            double norm = norm(v);
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    double dot = dot(q, v);
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= dot * q[i];
                    }
                }
            }
            double left = norm(v);
            if (left > DEPENDENT * norm && left > 0) {
                for (int i = 0; i < v.length; i++) {
                    v[i] /= left;
                }
                basis.add(v);
            }
        }
        return new RowSpace(basis.toArray(new double[0][]));
    }

    int dimension() {
        return basis.length;
    }

    /** The coordinates of {@code x} in the basis. */
    double[] coordinates(double[] x) {
        double[] out = new double[basis.length];
        for (int k = 0; k < basis.length; k++) {
            out[k] = dot(basis[k], x);
        }
        return out;
    }

    /** The vector with {@code coordinates} in the basis, in the rows' own d dimensions. */
    double[] vector(double[] coordinates, int d) {
        double[] out = new double[d];
        for (int k = 0; k < basis.length; k++) {
            for (int i = 0; i < d; i++) {
                out[i] += coordinates[k] * basis[k][i];
            }
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] v) {
        return Math.sqrt(dot(v, v));
    }
}
