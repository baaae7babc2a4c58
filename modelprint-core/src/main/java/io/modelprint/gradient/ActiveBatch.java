package io.modelprint.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The points an {@link ActiveBatchLoop} is still moving. A point that meets its stopping rule leaves
 * the batch: its values, step count and outcome are recorded, and the loop shrinks its per-point
 * arrays with the returned row index, so finished points cost nothing more.
 */
final class ActiveBatch {
    private final float[] result;
    private final int size;
    private final int[] iterations;
    private final boolean[] converged;
    private int[] active;

    /** @param result the seeds, flattened; finished points are written over them */
    ActiveBatch(float[] result, int size) {
        this.result = result;
        this.size = size;
        int n = result.length / size;
        this.iterations = new int[n];
        this.converged = new boolean[n];
        this.active = new int[n];
        for (int i = 0; i < n; i++) {
            active[i] = i;
        }
    }

    int size() {
        return active.length;
    }

    /** Index in the original batch of active row {@code row}. */
    int original(int row) {
        return active[row];
    }

    /**
     * Retires the rows marked {@code done} at {@code step}: copies their current values, records the
     * step and whether they {@code reached} their goal. Returns the row index of the points that
     * remain, or null when no row finished or none remains.
     */
    NDArray retire(boolean[] done, boolean[] reached, NDArray current, int step, NDManager manager) {
        int finished = 0;
        for (boolean d : done) {
            finished += d ? 1 : 0;
        }
        if (finished == 0) {
            return null;
        }
        float[] values = current.toFloatArray();
        long[] keep = new long[active.length - finished];
        int[] stillActive = new int[keep.length];
        for (int row = 0, kept = 0; row < active.length; row++) {
            if (done[row]) {
                System.arraycopy(values, row * size, result, active[row] * size, size);
                iterations[active[row]] = step;
                converged[active[row]] = reached[row];
            } else {
                keep[kept] = row;
                stillActive[kept++] = active[row];
            }
        }
        active = stillActive;
        // an empty index selection fails in DJL: with nothing left there is nothing to select
        return keep.length == 0 ? null : manager.create(keep);
    }

    int[] iterations() {
        return iterations;
    }

    boolean[] converged() {
        return converged;
    }
}
