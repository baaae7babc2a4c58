package io.modelprint.model;

import ai.djl.ndarray.NDArray;

/**
 * A model whose logits can be computed as if its trainable weights were slightly different, its own
 * weights left as they are: what sensitive samples (SSF) are optimised against. Only models whose
 * parameters modelprint reaches can do it (model directories of its own architectures, not
 * TorchScript, ONNX or APIs), which {@link #offersPerturbation()} says.
 */
public interface WeightPerturbable extends Differentiable {
    /** Whether {@link #perturbedLogits} reaches this model's weights. */
    boolean offersPerturbation();

    /**
     * Logits [N, classes] for {@code batch} (gradients flow back to it inside a gradient collector) with
     * every trainable parameter tensor p replaced by p + scale x rms(p) x N(0, 1), the noise drawn from
     * {@code seed} (same seed, same noise); running statistics of batch norm are left alone.
     */
    NDArray perturbedLogits(NDArray batch, float scale, long seed);
}
