package io.modelprint.testing;

import io.modelprint.model.Classifier;

/** A model seen through its labels only, like a label-only prediction API; the inner model belongs to the test. */
public final class LabelsOnly extends ForwardingClassifier<Classifier> {
    public LabelsOnly(Classifier inner) {
        super(inner);
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
