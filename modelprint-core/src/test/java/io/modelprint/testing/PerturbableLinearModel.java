package io.modelprint.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.modelprint.data.InputSpec;
import io.modelprint.model.WeightPerturbable;
import java.util.Random;

/** A linear classifier (logits = flatten(x) W + b) whose weights can be perturbed for ssf, and changed in place for tests. */
public final class PerturbableLinearModel extends ForwardingModel implements WeightPerturbable {
    private final float[] weights;
    private final float[] bias;

    public PerturbableLinearModel(InputSpec spec, int classes, long seed) {
        this(spec, classes, gaussian(new Random(seed), spec.pixelsPerImage() * classes, 0.1f), gaussian(new Random(seed + 1), classes, 0.1f));
    }

    private PerturbableLinearModel(InputSpec spec, int classes, float[] weights, float[] bias) {
        super(LinearModel.of(spec, classes, weights, bias));
        this.weights = weights;
        this.bias = bias;
    }

    /** A copy whose every weight moved by {@code noise} x N(0, 1) (a tiny change of the whole layer). */
    public PerturbableLinearModel withNoise(float noise, long seed) {
        Random random = new Random(seed);
        float[] changed = weights.clone();
        for (int i = 0; i < changed.length; i++) {
            changed[i] += noise * (float) random.nextGaussian();
        }
        return new PerturbableLinearModel(inner.inputSpec(), inner.numClasses(), changed, bias.clone());
    }

    @Override
    public boolean offersPerturbation() {
        return true;
    }

    @Override
    public NDArray perturbedLogits(NDArray batch, float scale, long seed) {
        Random random = new Random(seed);
        float[] w = noisy(weights, scale, random);
        float[] b = noisy(bias, scale, random);
        int pixels = inner.inputSpec().pixelsPerImage();
        NDArray wArray = batch.getManager().create(w, new Shape(pixels, inner.numClasses()));
        NDArray bArray = batch.getManager().create(b);
        return batch.reshape(batch.getShape().get(0), pixels).matMul(wArray).add(bArray);
    }

    private static float[] noisy(float[] values, float scale, Random random) {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        float step = (float) (scale * Math.sqrt(sum / values.length));
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += step * (float) random.nextGaussian();
        }
        return out;
    }

    private static float[] gaussian(Random random, int n, float scale) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = scale * (float) random.nextGaussian();
        }
        return values;
    }
}
