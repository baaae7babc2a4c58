package io.modelprint.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import java.util.Random;

/** A fixed random linear classifier, logits = flatten(x) W + b, computed with NDArray ops so gradients flow. */
public final class LinearModel implements Differentiable {
    private final NDManager manager;
    private final NDArray weights;
    private final NDArray bias;
    private final InputSpec spec;
    private final int classes;

    public LinearModel(InputSpec spec, int classes, long seed) {
        this.spec = spec;
        this.classes = classes;
        this.manager = NDManager.newBaseManager();
        Random random = new Random(seed);
        float[] w = new float[spec.pixelsPerImage() * classes];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        float[] b = new float[classes];
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
        weights = manager.create(w, new ai.djl.ndarray.types.Shape(spec.pixelsPerImage(), classes));
        bias = manager.create(b);
    }

    private LinearModel(InputSpec spec, int classes, float[] w, float[] b) {
        this.spec = spec;
        this.classes = classes;
        this.manager = NDManager.newBaseManager();
        weights = manager.create(w, new ai.djl.ndarray.types.Shape(spec.pixelsPerImage(), classes));
        bias = manager.create(b);
    }

    /** The linear model with weights {@code w} ([pixels, classes], row-major) and biases {@code b}. */
    public static LinearModel of(InputSpec spec, int classes, float[] w, float[] b) {
        if (w.length != spec.pixelsPerImage() * classes || b.length != classes) {
            throw new IllegalArgumentException("weights need " + spec.pixelsPerImage() + " x " + classes + " and biases " + classes);
        }
        return new LinearModel(spec, classes, w.clone(), b.clone());
    }

    /** A copy of {@code base} whose weights and biases moved by {@code noise} x a standard normal each (a "fine-tuned" copy). */
    public static LinearModel perturbed(LinearModel base, float noise, long seed) {
        Random random = new Random(seed);
        float[] w = base.weights.toFloatArray();
        float[] b = base.bias.toFloatArray();
        for (int i = 0; i < w.length; i++) {
            w[i] += noise * (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] += noise * (float) random.nextGaussian();
        }
        return new LinearModel(base.spec, base.classes, w, b);
    }

    @Override
    public NDArray logits(NDArray batch) {
        return batch.reshape(batch.getShape().get(0), spec.pixelsPerImage()).matMul(weights).add(bias);
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        return logits(batch);
    }

    @Override
    public String sha256() {
        return "0".repeat(64);
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
        return "linear test model";
    }

    @Override
    public void close() {
        manager.close();
    }
}
