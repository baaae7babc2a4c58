package io.modelprint.scheme;

import io.modelprint.fleet.QuerySelection;

/**
 * What a generator made: the queries and, per query, the number of optimization steps it took and
 * whether it met its stopping rule before the iteration limit; for queries a fleet chose, how it
 * chose them (null otherwise).
 */
public record GeneratedQueries(Queries queries, int[] iterations, boolean[] converged, QuerySelection selection) {
    /** Queries made without a fleet. */
    public GeneratedQueries(Queries queries, int[] iterations, boolean[] converged) {
        this(queries, iterations, converged, null);
    }

    public int convergedCount() {
        int count = 0;
        for (boolean c : converged) {
            count += c ? 1 : 0;
        }
        return count;
    }

    public double meanIterations() {
        long sum = 0;
        for (int it : iterations) {
            sum += it;
        }
        return iterations.length == 0 ? 0 : (double) sum / iterations.length;
    }

    public int maxIterations() {
        int max = 0;
        for (int it : iterations) {
            max = Math.max(max, it);
        }
        return max;
    }
}
