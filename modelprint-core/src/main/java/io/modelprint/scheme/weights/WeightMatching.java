package io.modelprint.scheme.weights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Weight matching (Ainsworth, Hayase and Srinivasa, "Git Re-Basin", ICLR 2023, algorithm 1): the
 * permutation of each hidden group of the suspect that makes its weights most like the target's,
 * found by coordinate descent. Each step fixes every other group's permutation and solves one linear
 * assignment for one group, whose gain sums the inner products of the target's and the suspect's
 * rows in every layer writing the group and columns in every layer reading it; groups are visited in
 * a random order each sweep, until a sweep improves nothing or {@code maxIterations} sweeps.
 * A residual stream is one group, so all its layers share its permutation.
 */
final class WeightMatching {
    /** Relative gain below which a new assignment is not an improvement (rounding). */
    private static final double TOLERANCE = 1e-9;

    private WeightMatching() {}

    /** The result: per hidden group, aligned unit i of the suspect is its unit order[i]; and the sweeps it took. */
    record Result(Map<String, int[]> permutations, int sweeps) {}

    static Result match(CanonicalNetwork target, CanonicalNetwork suspect, int maxIterations, long seed) {
        Map<String, int[]> permutations = new LinkedHashMap<>();
        for (String group : target.groupSizes().keySet()) {
            if (!group.equals(io.modelprint.model.weights.NetworkWeights.OUTPUT)) {
                permutations.put(group, identity(target.groupSizes().get(group)));
            }
        }
        List<String> groups = new ArrayList<>(permutations.keySet());
        Random random = new Random(seed);
        int sweeps = 0;
        boolean progress = true;
        while (progress && sweeps < maxIterations) {
            progress = false;
            sweeps++;
            Collections.shuffle(groups, random);
            for (String group : groups) {
                double[][] gain = gain(target, suspect, group, permutations);
                int[] old = permutations.get(group);
                int[] next = LinearAssignment.maximize(gain);
                double before = total(gain, old);
                double after = total(gain, next);
                if (after > before + TOLERANCE * Math.max(1, Math.abs(before))) {
                    permutations.put(group, next);
                    progress = true;
                }
            }
        }
        return new Result(permutations, sweeps);
    }

    /** gain[i][j]: how alike target unit i and suspect unit j of {@code group} are, the other groups aligned. */
    static double[][] gain(CanonicalNetwork target, CanonicalNetwork suspect, String group, Map<String, int[]> permutations) {
        int n = target.groupSizes().get(group);
        double[][] gain = new double[n][n];
        List<CanonicalLayer> targetWriters = target.writers(group);
        List<CanonicalLayer> suspectWriters = suspect.writers(group);
        for (int l = 0; l < targetWriters.size(); l++) {
            CanonicalLayer b = suspectWriters.get(l);
            addProducts(gain, rows(targetWriters.get(l)), rows(b.permuted(null, permutations.get(b.input()))));
        }
        List<CanonicalLayer> targetReaders = target.readers(group);
        List<CanonicalLayer> suspectReaders = suspect.readers(group);
        for (int l = 0; l < targetReaders.size(); l++) {
            CanonicalLayer b = suspectReaders.get(l);
            addProducts(gain, columns(targetReaders.get(l)), columns(b.permuted(permutations.get(b.output()), null)));
        }
        return gain;
    }

    /** Per output unit: its weights then its bias. */
    private static float[][] rows(CanonicalLayer layer) {
        int fan = layer.in() * layer.rest();
        float[][] rows = new float[layer.out()][fan + 1];
        for (int o = 0; o < layer.out(); o++) {
            System.arraycopy(layer.weight(), o * fan, rows[o], 0, fan);
            rows[o][fan] = layer.bias()[o];
        }
        return rows;
    }

    /** Per input unit: its weights into every output at every position. */
    private static float[][] columns(CanonicalLayer layer) {
        float[][] columns = new float[layer.in()][layer.out() * layer.rest()];
        for (int o = 0; o < layer.out(); o++) {
            for (int c = 0; c < layer.in(); c++) {
                System.arraycopy(layer.weight(), (o * layer.in() + c) * layer.rest(), columns[c], o * layer.rest(), layer.rest());
            }
        }
        return columns;
    }

    private static void addProducts(double[][] gain, float[][] a, float[][] b) {
        int n = gain.length;
        for (int i = 0; i < n; i++) {
            float[] ai = a[i];
            for (int j = 0; j < n; j++) {
                float[] bj = b[j];
                double dot = 0;
                for (int k = 0; k < ai.length; k++) {
                    dot += ai[k] * bj[k];
                }
                gain[i][j] += dot;
            }
        }
    }

    private static double total(double[][] gain, int[] assignment) {
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            sum += gain[i][assignment[i]];
        }
        return sum;
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
