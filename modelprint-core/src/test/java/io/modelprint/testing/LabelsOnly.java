package io.modelprint.testing;

import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;

/** A model seen through its labels only, like a label-only prediction API; the inner model belongs to the test. */
public record LabelsOnly(Classifier inner) implements Classifier {
    @Override
    public InputSpec inputSpec() {
        return inner.inputSpec();
    }

    @Override
    public int numClasses() {
        return inner.numClasses();
    }

    @Override
    public long[] predictLabels(float[] images, int count) {
        return inner.predictLabels(images, count);
    }

    @Override
    public String description() {
        return "labels of " + inner.description();
    }

    @Override
    public void close() {
        // the inner model is closed by whoever made it
    }
}
