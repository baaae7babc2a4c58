package io.modelprint.scheme.modelgif;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.UnreliableGradientsException;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GradientField;

/**
 * A model's ModelGiF gradient field on n samples (Song et al., ICCV 2023, as their code computes it):
 * for sample x, reference r and the path points r + alpha_k (x − r), with c the model's own top class
 * at x, the field at step k is (x − r) ⊙ Σ_{j ≤ k} w_j ∇_input Z_c(r + alpha_j (x − r)): the
 * integrated gradients of Z_c up to the path's k-th point. Costs samples x steps input gradients,
 * computed in batches of whole paths.
 */
final class IntegratedGradientField {
    /** Path points per gradient batch. */
    private static final int BATCH_POINTS = 256;

    private final PathQuadrature path;
    private final ReferencePoint reference;

    IntegratedGradientField(PathQuadrature path, ReferencePoint reference) {
        this.path = path;
        this.reference = reference;
    }

    /** The field of {@code model} on {@code count} samples, whose own top classes are {@code classes}. */
    GradientField of(Differentiable model, float[] samples, int count, long[] classes) {
        InputSpec spec = model.inputSpec();
        int size = spec.pixelsPerImage();
        int steps = path.steps();
        float[] start = reference.image(spec, samples, count);
        float[] field = new float[Math.multiplyExact(Math.multiplyExact(count, steps), size)];
        int perBatch = Math.max(1, BATCH_POINTS / steps);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int first = 0; first < count; first += perBatch) {
                int samplesHere = Math.min(perBatch, count - first);
                try (NDManager scope = manager.newSubManager()) {
                    float[] gradients = gradients(model, scope, samples, start, first, samplesHere, classes);
                    accumulate(gradients, samples, start, first, samplesHere, size, field);
                }
            }
        }
        return new GradientField(count, steps, size, field);
    }

    /** Input gradients of Z_c at every path point of samples [first, first + n), sample-major. */
    private float[] gradients(Differentiable model, NDManager scope, float[] samples, float[] start, int first, int n,
            long[] classes) {
        InputSpec spec = model.inputSpec();
        int size = spec.pixelsPerImage();
        int steps = path.steps();
        float[] points = new float[n * steps * size];
        long[] pointClasses = new long[n * steps];
        for (int i = 0; i < n; i++) {
            int sample = (first + i) * size;
            for (int k = 0; k < steps; k++) {
                int row = (i * steps + k) * size;
                float alpha = (float) path.alphas()[k];
                for (int p = 0; p < size; p++) {
                    points[row + p] = start[p] + alpha * (samples[sample + p] - start[p]);
                }
                pointClasses[i * steps + k] = classes[first + i];
            }
        }
        NDArray variable = scope.create(points, spec.batchShape((long) n * steps));
        NDArray mask = scope.create(pointClasses).oneHot(model.numClasses());
        InputGradient.Result result;
        try {
            result = InputGradient.evaluate(variable, v -> {
                NDArray logits = model.logits(v);
                return new NDList(logits.mul(mask).sum(new int[] {1}), logits);
            }, scope, model.description(), first);
        } catch (UnreliableGradientsException e) {
            throw e;
        } catch (IllegalStateException e) {
            throw new InputException(model.description() + ": its logits are not finite on the path to sample " + first
                    + ", so it has no gradient field there");
        }
        return result.gradient().toFloatArray();
    }

    /** field[i, k] = (x − r) ⊙ running sum over j ≤ k of w_j g_j, for the n samples from {@code first}. */
    private void accumulate(float[] gradients, float[] samples, float[] start, int first, int n, int size, float[] field) {
        int steps = path.steps();
        double[] running = new double[size];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(running, 0);
            int sample = (first + i) * size;
            for (int k = 0; k < steps; k++) {
                int row = (i * steps + k) * size;
                int out = ((first + i) * steps + k) * size;
                double w = path.weights()[k];
                for (int p = 0; p < size; p++) {
                    running[p] += w * gradients[row + p];
                    field[out + p] = (float) ((samples[sample + p] - start[p]) * running[p]);
                }
            }
        }
    }
}
