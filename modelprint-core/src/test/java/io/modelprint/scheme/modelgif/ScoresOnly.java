package io.modelprint.scheme.modelgif;

import ai.djl.ndarray.NDArray;
import io.modelprint.model.Scored;
import io.modelprint.testing.ForwardingClassifier;

/** A model seen through its scores only, like an API that returns logits: no input gradients. */
final class ScoresOnly extends ForwardingClassifier<Scored> implements Scored {
    ScoresOnly(Scored inner) {
        super(inner);
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        return inner.predictLogits(batch);
    }

    @Override
    public void close() {
        // the inner model is closed by whoever made it
    }
}
