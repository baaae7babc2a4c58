package io.modelprint.testing;

import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;

/** A classifier seen through a wrapper: every call goes to the inner model unless a subclass changes it; closing closes both. */
public abstract class ForwardingClassifier<M extends Classifier> implements Classifier {
    protected final M inner;

    protected ForwardingClassifier(M inner) {
        this.inner = inner;
    }

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
        return getClass().getSimpleName() + " of " + inner.description();
    }

    @Override
    public void close() {
        inner.close();
    }
}
