package io.modelprint.model;

import ai.djl.ndarray.NDArray;

/** A classifier that can also give its scores (logits or probabilities) [N, classes], e.g. to serve them. */
public interface Scored extends Classifier {
    /** Scores for {@code batch}, without recording gradients; the caller closes the result. */
    NDArray predictLogits(NDArray batch);
}
