package io.modelprint.scheme.ssf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.model.WeightPerturbable;

/**
 * How much a model's softmax output moves at x when its weights move: S(x) = mean over {@code draws}
 * random relative weight perturbations δ (scale {@code sigma}) of ||p(x; θ+δ) − p(x; θ)||² / σ², a
 * finite-difference estimate of the paper's ||∂p(x)/∂θ||² (for small σ, E S = Σ_layers
 * rms(θ_l)² ||∂p/∂θ_l||²_F: the weight gradient, each layer weighed by its own scale). First-order
 * only: its input gradient needs no second derivative of the engine, and every point of a batch
 * moves together.
 */
public final class WeightSensitivity {
    private final WeightPerturbable model;
    private final float sigma;
    private final int draws;

    public WeightSensitivity(WeightPerturbable model, float sigma, int draws) {
        this.model = model;
        this.sigma = sigma;
        this.draws = draws;
    }

    /** Per-point S(x) [N] for {@code points}, recorded for gradients; the k-th perturbation is drawn from {@code seed} + k. */
    NDArray of(NDArray points, long seed) {
        NDArray clean = model.logits(points).softmax(1);
        NDArray total = null;
        for (int k = 0; k < draws; k++) {
            NDArray moved = model.perturbedLogits(points, sigma, seed + k).softmax(1).sub(clean);
            NDArray squared = moved.square().sum(new int[] {1});
            total = total == null ? squared : total.add(squared);
        }
        return total.div((float) draws * sigma * sigma);
    }

    /** S(x) of {@code count} flattened points, without gradients (for ranking and measuring). */
    public float[] measure(float[] points, int count, long seed) {
        InputSpec spec = model.inputSpec();
        float[] out = new float[count];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < count; start += BATCH) {
                int n = Math.min(BATCH, count - start);
                try (NDManager scope = manager.newSubManager()) {
                    float[] chunk = new float[n * spec.pixelsPerImage()];
                    System.arraycopy(points, start * spec.pixelsPerImage(), chunk, 0, chunk.length);
                    float[] s = of(scope.create(chunk, spec.batchShape(n)), seed).toFloatArray();
                    System.arraycopy(s, 0, out, start, n);
                }
            }
        }
        return out;
    }

    private static final int BATCH = 256;
}
