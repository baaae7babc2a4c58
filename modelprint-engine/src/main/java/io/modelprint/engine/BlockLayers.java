package io.modelprint.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.modelprint.InputException;
import java.util.List;

/**
 * The output of one named layer of modelprint's architectures, by the names {@link BlockWeights} gives
 * their convolutions and linear layers (conv1, ..., linear1, ... in forward order). The network's
 * top-level blocks run in order up to the one that holds the layer, then on through the blocks after
 * it that keep the output's shape and hold no convolution or linear layer (its batch norm and
 * activation), stopping before pooling, flattening or the next layer. A layer inside a residual block
 * therefore gives the block's output.
 */
final class BlockLayers {
    private BlockLayers() {}

    /** {@code layer}'s output for {@code batch} (gradients flow back to it inside a collector); {@code model} names it in errors. */
    static NDArray output(Block root, ParameterStore parameters, NDArray batch, String layer, String model) {
        if (!(root instanceof SequentialBlock sequential)) {
            throw new InputException(model + ": its network is not a sequence of blocks, so its layers' outputs cannot be read");
        }
        List<Block> children = sequential.getChildren().values();
        int[] counts = new int[2];
        NDList x = new NDList(batch);
        boolean found = false;
        for (Block child : children) {
            if (found && holdsLayers(child)) {
                return x.singletonOrThrow();
            }
            boolean holder = !found && contains(child, layer, counts);
            NDList next = child.forward(parameters, x, false);
            if (found && !next.singletonOrThrow().getShape().equals(x.singletonOrThrow().getShape())) {
                return x.singletonOrThrow(); // pooling or flattening after the layer: its output is what came before
            }
            found |= holder;
            x = next;
        }
        if (!found) {
            throw new InputException(model + ": has no layer named " + layer + " (its layers with weights are conv1, ..., linear1,"
                    + " ... in forward order)");
        }
        return x.singletonOrThrow();
    }

    /** Whether {@code block} holds the layer named {@code layer}, counting convolutions and linear layers in {@code counts}. */
    private static boolean contains(Block block, String layer, int[] counts) {
        if (block instanceof Conv2d) {
            return layer.equals("conv" + ++counts[0]);
        }
        if (block instanceof Linear) {
            return layer.equals("linear" + ++counts[1]);
        }
        boolean found = false;
        for (Block child : block.getChildren().values()) {
            found |= contains(child, layer, counts);
        }
        return found;
    }

    private static boolean holdsLayers(Block block) {
        if (block instanceof Conv2d || block instanceof Linear) {
            return true;
        }
        return block.getChildren().values().stream().anyMatch(BlockLayers::holdsLayers);
    }
}
