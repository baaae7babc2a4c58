package io.modelprint.scheme.weights;

import java.util.Arrays;

/**
 * The linear assignment problem on a square matrix: the permutation that maximizes the summed gain,
 * by the Hungarian method with potentials and shortest augmenting paths (Kuhn-Munkres in the
 * O(n^3) form of Jonker and Volgenant's augmentation). Small enough to own: the JVM's maintained
 * solvers either work on graph objects (JGraphT, LGPL/EPL) or bring a native library (OR-Tools).
 */
public final class LinearAssignment {
    private LinearAssignment() {}

    /** The column assigned to each row, maximizing the sum of {@code gain[row][column]}. */
    public static int[] maximize(double[][] gain) {
        int n = gain.length;
        double[][] cost = new double[n][];
        for (int i = 0; i < n; i++) {
            if (gain[i].length != n) {
                throw new IllegalArgumentException("the gain matrix must be square: row " + i + " has " + gain[i].length
                        + " entries, not " + n);
            }
            cost[i] = new double[n];
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(gain[i][j])) {
                    throw new IllegalArgumentException("gain[" + i + "][" + j + "] is not finite: " + gain[i][j]);
                }
                cost[i][j] = -gain[i][j];
            }
        }
        return minimize(cost);
    }

    /** Rows and columns are 1-based inside: index 0 is the virtual start of each augmenting path. */
    private static int[] minimize(double[][] cost) {
        int n = cost.length;
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] rowOf = new int[n + 1]; // rowOf[j]: the row matched to column j (0: none)
        int[] previous = new int[n + 1];
        double[] slack = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            rowOf[0] = i;
            int column = 0;
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[column] = true;
                int row = rowOf[column];
                double delta = Double.POSITIVE_INFINITY;
                int next = -1;
                for (int j = 1; j <= n; j++) {
                    if (used[j]) {
                        continue;
                    }
                    double reduced = cost[row - 1][j - 1] - u[row] - v[j];
                    if (reduced < slack[j]) {
                        slack[j] = reduced;
                        previous[j] = column;
                    }
                    if (slack[j] < delta) {
                        delta = slack[j];
                        next = j;
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                column = next;
            } while (rowOf[column] != 0);
            do {
                int back = previous[column];
                rowOf[column] = rowOf[back];
                column = back;
            } while (column != 0);
        }
        int[] assignment = new int[n];
        for (int j = 1; j <= n; j++) {
            assignment[rowOf[j] - 1] = j - 1;
        }
        return assignment;
    }
}
