package io.modelprint.testing;

import ai.djl.ndarray.NDArray;
import io.modelprint.model.Differentiable;

/**
 * A white-box model seen through a wrapper: every call goes to the inner model unless a subclass
 * changes it (labels too: they do not pass through this wrapper's logits).
 */
public abstract class ForwardingModel extends ForwardingClassifier<Differentiable> implements Differentiable {
    protected ForwardingModel(Differentiable inner) {
        super(inner);
    }

    @Override
    public NDArray logits(NDArray batch) {
        return inner.logits(batch);
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        return inner.predictLogits(batch);
    }

    @Override
    public String sha256() {
        return inner.sha256();
    }
}
