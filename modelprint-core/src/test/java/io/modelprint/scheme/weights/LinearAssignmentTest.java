package io.modelprint.scheme.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The assignment solver against every permutation of small matrices. */
class LinearAssignmentTest {
    private static double total(double[][] gain, int[] assignment) {
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            sum += gain[i][assignment[i]];
        }
        return sum;
    }

    /** The best total over all n! assignments. */
    private static double bruteForce(double[][] gain) {
        return best(gain, 0, new boolean[gain.length], 0);
    }

    private static double best(double[][] gain, int row, boolean[] used, double sum) {
        if (row == gain.length) {
            return sum;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < gain.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.max(best, best(gain, row + 1, used, sum + gain[row][j]));
                used[j] = false;
            }
        }
        return best;
    }

    private static void requirePermutation(int[] assignment) {
        boolean[] seen = new boolean[assignment.length];
        for (int j : assignment) {
            assertEquals(false, seen[j], "column " + j + " assigned twice");
            seen[j] = true;
        }
    }

    @Test
    void findsTheBestAssignmentOfRandomMatrices() {
        Random random = new Random(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + trial % 7;
            boolean ties = trial % 3 == 0; // small integers: many optimal assignments
            double[][] gain = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    gain[i][j] = ties ? random.nextInt(4) - 1 : random.nextGaussian() * 10;
                }
            }
            int[] assignment = LinearAssignment.maximize(gain);
            requirePermutation(assignment);
            assertEquals(bruteForce(gain), total(gain, assignment), 1e-9, "trial " + trial + ", n " + n);
        }
    }

    @Test
    void recoversAPermutationHiddenInAnIdentityLikeMatrix() {
        int[] hidden = {3, 0, 4, 1, 2};
        double[][] gain = new double[5][5];
        for (int i = 0; i < 5; i++) {
            gain[i][hidden[i]] = 1;
        }
        assertArrayEquals(hidden, LinearAssignment.maximize(gain));
    }

    @Test
    void refusesNonSquareOrNonFiniteGains() {
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.maximize(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> LinearAssignment.maximize(new double[][] {{1, Double.NaN}, {0, 1}}));
    }
}
