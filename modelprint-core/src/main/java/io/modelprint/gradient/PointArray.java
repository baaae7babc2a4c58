package io.modelprint.gradient;

import ai.djl.ndarray.NDArray;

/**
 * A per-point array of an {@link ActiveBatchLoop} (a seed, a label mask, a moment estimate): when
 * points retire, its rows follow the points that remain.
 */
public final class PointArray {
    private NDArray array;

    PointArray(NDArray array) {
        this.array = array;
    }

    /** The rows of the active points, in the loop's row order. */
    public NDArray get() {
        return array;
    }

    void keep(NDArray rows) {
        NDArray kept = array.get(rows);
        array.close();
        array = kept;
    }
}
