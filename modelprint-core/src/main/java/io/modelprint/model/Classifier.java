package io.modelprint.model;

import io.modelprint.data.InputSpec;

/**
 * A model that answers labels: the weakest access modelprint needs (a prediction API, a random
 * forest, a model file). Engine-free: images go in as plain floats, so a remote or random-forest
 * suspect needs no tensor engine.
 */
public interface Classifier extends AutoCloseable {
    InputSpec inputSpec();

    int numClasses();

    /** Top-1 labels of {@code count} images, flattened [count, C, H, W] (or as {@link #inputSpec()} lays them out). */
    long[] predictLabels(float[] images, int count);

    /** Where the model came from, for messages. */
    String description();

    @Override
    void close();
}
