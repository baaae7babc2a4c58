package io.modelprint.model;

import ai.djl.ndarray.NDArray;
import io.modelprint.data.InputSpec;

/**
 * A model that answers labels: the weakest access modelprint needs (a prediction API, a random
 * forest, a model file). Inputs are a batch in {@link #inputSpec()}'s layout.
 */
public interface Classifier extends AutoCloseable {
    InputSpec inputSpec();

    int numClasses();

    /** Top-1 labels, one per image of {@code batch}. */
    long[] predictLabels(NDArray batch);

    /** Where the model came from, for messages. */
    String description();

    @Override
    void close();
}
