package io.modelprint.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import java.util.Collections;
import java.util.Random;
import java.util.Set;

/**
 * Checks a target's input gradients against central finite differences along a random direction,
 * on a few random points. Some CPU kernels compute wrong input gradients (docs/design.md: oneDNN's
 * backward convolution for few output channels on AVX2/AVX-512 here); a fingerprint made with them
 * would be weak without any sign, so extraction checks first.
 */
public final class GradientCheck {
    /** Batch sizes checked: the wrong kernels misbehave depending on batch size and thread split. */
    private static final int[] BATCHES = {32, 128};
    private static final float STEP = 1e-2f;
    /**
     * At most this many input values per checked batch (128 colour 32x32 images): a 224x224 model is checked on 2 images,
     * where 128 took minutes and gigabytes before extraction even began (ResNet-18: 4.7 GB resident).
     */
    private static final int MAX_VALUES = 128 * 3 * 32 * 32;

    /**
     * Targets this checker has passed: whoever extracts many times from one target (an evaluation, a
     * bundle) keeps one checker and each target is checked once. No state outlives the checker.
     */
    private final Set<Differentiable> passed = Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Throws {@link UnreliableGradientsException} when, in any checked batch, more than half of the directional derivatives disagree. */
    public synchronized void require(Differentiable target, String name) {
        if (passed.contains(target)) {
            return;
        }
        int cap = Math.max(2, MAX_VALUES / target.inputSpec().pixelsPerImage());
        for (int points : java.util.stream.IntStream.of(BATCHES).map(b -> Math.min(b, cap)).distinct().toArray()) {
            check(target, name, points);
        }
        passed.add(target);
    }

    private static void check(Differentiable target, String name, int points) {
        int bad = 0;
        double worst = 0;
        InputSpec spec = target.inputSpec();
        int size = spec.pixelsPerImage();
        Random random = new Random(12345 + points);
        float[] x = new float[points * size];
        float[] d = new float[points * size];
        for (int i = 0; i < x.length; i++) {
            // stay STEP away from the range's ends so that x +- STEP*d is a valid input
            x[i] = spec.min() + (spec.max() - spec.min()) * (0.1f + 0.8f * random.nextFloat());
            d[i] = (float) random.nextGaussian() * (spec.max() - spec.min()) / (float) Math.sqrt(size);
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray inputs = manager.create(x, spec.batchShape(points));
            NDArray direction = manager.create(d, spec.batchShape(points));
            long[] classes;
            try (NDArray logits = target.predictLogits(inputs); NDArray top = logits.argMax(1)) {
                classes = top.toLongArray();
            }
            NDArray pick = manager.create(classes).oneHot(target.numClasses());
            InputGradient.Result analytic = InputGradient.evaluate(inputs, v -> {
                NDArray z = target.logits(v).mul(pick).sum(new int[] {1});
                return new NDList(z, z);
            }, manager, name, 0);
            float[] along = analytic.gradient().mul(direction).reshape(points, -1).sum(new int[] {1}).toFloatArray();
            float[] plus = pickedLogits(target, inputs.add(direction.mul(STEP)), pick);
            float[] minus = pickedLogits(target, inputs.sub(direction.mul(STEP)), pick);
            for (int i = 0; i < points; i++) {
                double numeric = (plus[i] - minus[i]) / (2.0 * STEP);
                double error = Math.abs(numeric - along[i]);
                double scale = Math.max(Math.abs(numeric), Math.abs(along[i]));
                worst = Math.max(worst, scale > 0 ? error / scale : 0);
                if (!(error <= 0.1 * scale + 1e-6)) { // NaN counts as a disagreement
                    bad++;
                }
            }
        }
        if (bad > points / 2) {
            throw new UnreliableGradientsException(name + ": the engine's input gradients disagree with finite differences on " + bad + " of "
                    + points + " random points (relative error up to " + String.format("%.2f", worst) + "), so a fingerprint"
                    + " made with them would be unreliable. " + UnreliableGradientsException.ADVICE);
        }
    }

    private static float[] pickedLogits(Differentiable target, NDArray points, NDArray pick) {
        try (NDArray logits = target.predictLogits(points); NDArray z = logits.mul(pick).sum(new int[] {1})) {
            return z.toFloatArray();
        }
    }
}
