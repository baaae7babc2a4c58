package io.modelprint.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;

/**
 * How modelprint drives a TorchScript module through DJL. DJL's {@code PtSymbolBlock} starts in
 * "training" state and disables autograd for any call with training=false, which would make input
 * gradients impossible. modelprint therefore always calls it with training=true, after switching
 * the module itself to eval mode once, so dropout is off and batch norm uses running statistics.
 */
final class TorchScriptModules {
    private TorchScriptModules() {}

    static void pinEvalMode(Block block) {
        if (block instanceof PtSymbolBlock symbolBlock) {
            JniUtils.enableInferenceMode(symbolBlock);
        }
    }

    /** An inference-mode forward pass of any block; gradients are recorded inside a gradient collector. */
    static NDList forward(Block block, ParameterStore parameters, NDArray batch) {
        return block.forward(parameters, new NDList(batch), block instanceof PtSymbolBlock);
    }

    /** A forward pass without recording gradients. */
    static NDList predict(Block block, ParameterStore parameters, NDArray batch) {
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            return forward(block, parameters, batch);
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }
}
