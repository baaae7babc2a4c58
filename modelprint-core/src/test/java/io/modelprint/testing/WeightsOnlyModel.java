package io.modelprint.testing;

import ai.djl.ndarray.NDArray;
import io.modelprint.data.InputSpec;
import io.modelprint.model.WhiteBox;
import io.modelprint.model.weights.NetworkWeights;

/**
 * A model file as a weight-space scheme sees it: its weights, and nothing run. Asking it for logits
 * fails the test that did: a scheme that compares weights must not run the model.
 */
public final class WeightsOnlyModel implements WhiteBox {
    private final NetworkWeights weights;
    private final InputSpec spec;
    private final int classes;
    private final String name;

    public WeightsOnlyModel(NetworkWeights weights, InputSpec spec, int classes, String name) {
        this.weights = weights;
        this.spec = spec;
        this.classes = classes;
        this.name = name;
    }

    @Override
    public boolean offersWeights() {
        return true;
    }

    @Override
    public NetworkWeights weights() {
        return weights;
    }

    @Override
    public NDArray logits(NDArray batch) {
        throw new AssertionError(name + " was run, but a weights scheme only reads weights");
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        throw new AssertionError(name + " was run, but a weights scheme only reads weights");
    }

    @Override
    public String sha256() {
        return weights.sha256();
    }

    @Override
    public InputSpec inputSpec() {
        return spec;
    }

    @Override
    public int numClasses() {
        return classes;
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public void close() {
    }
}
