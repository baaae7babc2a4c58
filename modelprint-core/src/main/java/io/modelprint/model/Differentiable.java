package io.modelprint.model;

import ai.djl.ndarray.NDArray;

/** A classifier whose logits can be differentiated with respect to its input: a white-box target. */
public interface Differentiable extends Scored {
    /**
     * Logits [N, classes] for {@code batch}, computed so that, inside a gradient collector, gradients
     * flow back to {@code batch}. Runs in inference mode (batch-norm statistics frozen, no dropout).
     */
    NDArray logits(NDArray batch);

    /** Logits without recording gradients. */
    @Override
    NDArray predictLogits(NDArray batch);

    /** SHA-256 of the model's weights, as stored in fingerprints and provenance. */
    String sha256();

    @Override
    default long[] predictLabels(float[] images, int count) {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            NDArray batch = manager.create(images, inputSpec().batchShape(count));
            try (NDArray logits = predictLogits(batch); NDArray argmax = logits.argMax(1)) {
                return argmax.toLongArray();
            }
        }
    }
}
