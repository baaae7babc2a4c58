package io.modelprint.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A parameter store that hands a DJL block each trainable parameter plus noise of scale x rms(p) x N(0, 1)
 * (drawn in parameter order from one seed), without touching the model's own arrays, so a perturbed
 * forward pass leaves the model exactly as it was. Batch-norm running statistics are not trainable
 * and are handed over unchanged. The noise lives in {@code manager}, closed by the caller.
 */
final class PerturbedParameters extends ParameterStore {
    private final NDManager manager;
    private final float scale;
    private final Random random;
    private final Map<String, NDArray> perturbed = new HashMap<>();

    PerturbedParameters(NDManager manager, float scale, long seed) {
        super(manager, false);
        this.manager = manager;
        this.scale = scale;
        this.random = new Random(seed);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        NDArray original = parameter.getArray();
        if (!parameter.requiresGradient()) {
            return original;
        }
        return perturbed.computeIfAbsent(parameter.getId(), id -> {
            float[] values = original.toFloatArray();
            double sum = 0;
            for (float v : values) {
                sum += (double) v * v;
            }
            float step = (float) (scale * Math.sqrt(sum / Math.max(1, values.length)));
            float[] noisy = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                noisy[i] = values[i] + step * (float) random.nextGaussian();
            }
            return manager.create(noisy, original.getShape());
        });
    }
}
