package io.modelprint.model;

import io.modelprint.model.weights.NetworkWeights;

/**
 * A model whose parameters can be read, layer by layer: a model file. Weight-space schemes compare
 * these instead of asking queries. A model file whose layer graph cannot be read (a TorchScript
 * module, for now) says so through {@link #offersWeights()}.
 */
public interface WhiteBox extends Differentiable {
    /** Whether {@link #weights()} can read this model's layers. */
    boolean offersWeights();

    /**
     * The model's layers and their weights, in forward order; an {@code InputException} naming the
     * model when its layers cannot be read.
     */
    NetworkWeights weights();
}
