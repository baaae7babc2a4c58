package io.modelprint.testing;

import ai.djl.ndarray.NDArray;

/** Answers the linear model's logits, but its input gradient is only half the true one (like a broken kernel). */
public final class HalfGradient extends ForwardingModel {
    public HalfGradient(LinearModel inner) {
        super(inner);
    }

    @Override
    public NDArray logits(NDArray batch) {
        NDArray half = inner.logits(batch.mul(0.5f));
        return half.add(inner.predictLogits(batch).sub(half).stopGradient());
    }
}
