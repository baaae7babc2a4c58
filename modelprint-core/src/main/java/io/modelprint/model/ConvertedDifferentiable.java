package io.modelprint.model;

import ai.djl.ndarray.NDArray;
import io.modelprint.data.InputSpec;
import io.modelprint.data.SpecConversion;

/**
 * A target that takes another input spec than the images fingerprints start from (e.g. normalized
 * or channels-last), seen in the images' spec: the conversion runs inside the differentiated graph,
 * so generators work, clip and take gradients in plain pixel space.
 */
public final class ConvertedDifferentiable implements Differentiable {
    private final Differentiable target;
    private final SpecConversion conversion;

    public ConvertedDifferentiable(Differentiable target, SpecConversion conversion) {
        if (!conversion.to().compatibleWith(target.inputSpec())) {
            throw new IllegalArgumentException("conversion ends in " + conversion.to() + ", target takes " + target.inputSpec());
        }
        this.target = target;
        this.conversion = conversion;
    }

    public SpecConversion conversion() {
        return conversion;
    }

    @Override
    public NDArray logits(NDArray batch) {
        try (NDArray converted = conversion.apply(batch)) {
            return target.logits(converted);
        }
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        try (NDArray converted = conversion.apply(batch)) {
            return target.predictLogits(converted);
        }
    }

    @Override
    public String sha256() {
        return target.sha256();
    }

    @Override
    public InputSpec inputSpec() {
        return conversion.from();
    }

    @Override
    public int numClasses() {
        return target.numClasses();
    }

    @Override
    public String description() {
        return target.description();
    }

    @Override
    public void close() {
        target.close();
    }
}
