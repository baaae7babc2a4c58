package io.modelprint.registry;

import ai.djl.ndarray.NDArray;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Scored;

/** A scored model that counts the images it is asked and the calls made to it. */
final class CountingClassifier implements Scored {
    private final Scored inner;
    int images;
    int calls;

    CountingClassifier(Scored inner) {
        this.inner = inner;
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        images += (int) batch.getShape().get(0);
        calls++;
        return inner.predictLogits(batch);
    }

    @Override
    public long[] predictLabels(float[] values, int count) {
        images += count;
        calls++;
        return inner.predictLabels(values, count);
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
    public String description() {
        return "counting " + inner.description();
    }

    @Override
    public void close() {
        inner.close();
    }
}
