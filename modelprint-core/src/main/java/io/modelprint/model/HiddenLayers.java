package io.modelprint.model;

import ai.djl.ndarray.NDArray;

/**
 * A model file whose hidden layers' outputs can be read (DeepJudge's white-box metrics), layer by
 * layer, by the names {@link WhiteBox#weights()} gives its layers with weights (conv1, ..., linear1, ...).
 * Like the weights, only models whose layer graph modelprint reads give them ({@link #offersWeights()}).
 */
public interface HiddenLayers extends WhiteBox {
    /**
     * What the layer named {@code layer} hands on for {@code batch}: its output after the batch norm and
     * the activation that follow it ([N, channels, H, W] or [N, units]; a layer inside a residual block
     * gives the block's output). Computed so that, inside a gradient collector, gradients flow back to
     * {@code batch}; an {@code InputException} naming the model when it has no such layer.
     */
    NDArray layerOutput(NDArray batch, String layer);
}
