package io.modelprint.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.modelprint.InputException;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.model.weights.NormParameters;
import io.modelprint.model.weights.WeightLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of one of modelprint's architectures (a DJL block tree of sequential blocks, Conv2d,
 * Linear, BatchNorm, parameter-free activations, pooling and flattening, and ResNet-20's parallel
 * blocks, whose branches are summed) as {@link NetworkWeights}: convolutions and linear layers named
 * conv1, conv2, ..., linear1, ... in forward order, each batch norm attached to the layer before it.
 * Each layer writes a new group of units, except the branches of a residual block, which write one
 * stream: the input's when a branch is the identity, else a new one shared by every branch. The last
 * group written is the logits.
 */
public final class BlockWeights {
    /** DJL's BatchNorm default epsilon, which modelprint's architectures keep (DJL does not expose it). */
    static final float BN_EPSILON = 1e-5f;

    private final String model;
    private final List<Pending> layers = new ArrayList<>();
    private int convolutions;
    private int linears;
    private int groups;
    /** Whether the last block read was a convolution or linear layer (a batch norm must come right after one). */
    private boolean afterLayer;

    /** A layer read so far; its batch norm is attached when one follows. */
    private static final class Pending {
        final String name;
        final String input;
        String output;
        final Block block;
        BatchNorm norm;

        Pending(String name, String input, String output, Block block) {
            this.name = name;
            this.input = input;
            this.output = output;
            this.block = block;
        }
    }

    private BlockWeights(String model) {
        this.model = model;
    }

    /** The weights of {@code block}; {@code model} names it in errors. */
    public static NetworkWeights read(Block block, String model) {
        BlockWeights reader = new BlockWeights(model);
        String last = reader.walk(block, NetworkWeights.INPUT, null);
        try {
            List<WeightLayer> read = new ArrayList<>();
            for (Pending p : reader.layers) {
                String output = p.output.equals(last) ? NetworkWeights.OUTPUT : p.output;
                NDArray weight = array(p.block, "weight");
                read.add(new WeightLayer(p.name, p.input, output, weight.getShape().getShape(), weight.toFloatArray(),
                        has(p.block, "bias") ? array(p.block, "bias").toFloatArray() : null, norm(p.norm)));
            }
            return new NetworkWeights(read);
        } catch (IllegalArgumentException e) {
            throw new InputException(model + ": its layers cannot be compared by weights: " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code block}, which takes units of group {@code input}; {@code into} (null: a new group per
     * layer) is the stream the block's last layer must write. Returns the group the block's output is in.
     */
    private String walk(Block block, String input, String into) {
        if (block instanceof SequentialBlock sequential) {
            List<Block> children = sequential.getChildren().values();
            int lastWeighted = -1;
            for (int i = 0; i < children.size(); i++) {
                lastWeighted = hasLayers(children.get(i)) ? i : lastWeighted;
            }
            String group = input;
            for (int i = 0; i < children.size(); i++) {
                group = walk(children.get(i), group, i == lastWeighted ? into : null);
            }
            return group;
        }
        if (block instanceof ParallelBlock parallel) {
            List<Block> branches = parallel.getChildren().values();
            boolean identity = branches.stream().anyMatch(b -> !hasLayers(b));
            String stream = identity ? input : into != null ? into : newGroup();
            for (Block branch : branches) {
                if (hasLayers(branch)) {
                    walk(branch, input, stream);
                }
            }
            return stream;
        }
        if (block instanceof Conv2d || block instanceof Linear) {
            String name = block instanceof Conv2d ? "conv" + ++convolutions : "linear" + ++linears;
            String output = into != null ? into : newGroup();
            layers.add(new Pending(name, input, output, block));
            afterLayer = true;
            return output;
        }
        if (block instanceof BatchNorm norm) {
            Pending last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
            boolean follows = afterLayer;
            afterLayer = false;
            if (!follows || last.norm != null || !last.output.equals(input)) {
                throw new InputException(model + ": a batch norm that does not follow a convolution or linear layer cannot be"
                        + " folded, so the model cannot be compared by weights");
            }
            last.norm = norm;
            return input;
        }
        if (!block.getParameters().isEmpty()) {
            throw new InputException(model + ": holds a " + block.getClass().getSimpleName() + " with parameters, which weight"
                    + " matching does not know; only convolutions, linear layers and batch norms are read");
        }
        afterLayer = false;
        return input;
    }

    private String newGroup() {
        return "g" + ++groups;
    }

    /** Whether {@code block} holds a convolution or a linear layer. */
    private static boolean hasLayers(Block block) {
        if (block instanceof Conv2d || block instanceof Linear) {
            return true;
        }
        return block.getChildren().values().stream().anyMatch(BlockWeights::hasLayers);
    }

    private static NormParameters norm(BatchNorm norm) {
        if (norm == null) {
            return null;
        }
        return new NormParameters(array(norm, "gamma").toFloatArray(), array(norm, "beta").toFloatArray(),
                array(norm, "runningMean").toFloatArray(), array(norm, "runningVar").toFloatArray(), BN_EPSILON);
    }

    private static boolean has(Block block, String name) {
        return block.getDirectParameters().keys().contains(name);
    }

    private static NDArray array(Block block, String name) {
        for (var p : block.getDirectParameters()) {
            if (p.getKey().equals(name)) {
                return p.getValue().getArray();
            }
        }
        throw new IllegalStateException(block.getClass().getSimpleName() + " has no parameter " + name);
    }
}
