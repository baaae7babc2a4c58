package io.modelprint.testing;

import ai.djl.ndarray.NDArray;
import io.modelprint.model.Differentiable;

/** A model that counts the calls made to it and the images they carried. */
public final class CountingModel extends ForwardingModel {
    private int calls;
    private int images;

    public CountingModel(Differentiable inner) {
        super(inner);
    }

    @Override
    public NDArray logits(NDArray batch) {
        count((int) batch.getShape().get(0));
        return inner.logits(batch);
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        count((int) batch.getShape().get(0));
        return inner.predictLogits(batch);
    }

    @Override
    public long[] predictLabels(float[] values, int count) {
        count(count);
        return inner.predictLabels(values, count);
    }

    public int calls() {
        return calls;
    }

    public int images() {
        return images;
    }

    private void count(int batchImages) {
        calls++;
        images += batchImages;
    }
}
