package io.modelprint.engine.testing;

import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.model.weights.WeightLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link NetworkWeights} back into the DJL block they were read from (layers and batch norms
 * in the block tree's order), so a test can run weights it changed and see the function they compute.
 */
public final class BlockWriter {
    private BlockWriter() {}

    public static void write(Block block, NetworkWeights network) {
        List<Block> blocks = new ArrayList<>();
        collect(block, blocks);
        int next = 0;
        WeightLayer current = null;
        for (Block b : blocks) {
            if (b instanceof BatchNorm) {
                set(b, "gamma", current.norm().gamma());
                set(b, "beta", current.norm().beta());
                set(b, "runningMean", current.norm().mean());
                set(b, "runningVar", current.norm().var());
                continue;
            }
            current = network.layers().get(next++);
            set(b, "weight", current.weight());
            if (current.bias() != null) {
                set(b, "bias", current.bias());
            }
        }
        if (next != network.layers().size()) {
            throw new IllegalArgumentException("the block has " + next + " layers, the weights " + network.layers().size());
        }
    }

    private static void collect(Block block, List<Block> into) {
        if (block instanceof Conv2d || block instanceof Linear || block instanceof BatchNorm) {
            into.add(block);
            return;
        }
        block.getChildren().values().forEach(child -> collect(child, into));
    }

    private static void set(Block block, String name, float[] values) {
        for (var p : block.getDirectParameters()) {
            if (p.getKey().equals(name)) {
                p.getValue().getArray().set(values);
                return;
            }
        }
        throw new IllegalArgumentException(block.getClass().getSimpleName() + " has no " + name);
    }
}
