package io.modelprint.engine.arch;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import io.modelprint.data.InputSpec;

/**
 * A small VGG-style network sized for a CPU: three stages of 3x3 conv + batch norm + ReLU + 2x2 max
 * pool (32, 64, 128 filters), then a 256-unit hidden layer. About 0.39M parameters on 1x28x28.
 */
final class SmallVgg {
    static final int[] FILTERS = {32, 64, 128};
    static final int HIDDEN = 256;

    private SmallVgg() {}

    static Block build(InputSpec spec, int numClasses) {
        SequentialBlock net = new SequentialBlock();
        for (int filters : FILTERS) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        return net.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(HIDDEN).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(numClasses).build());
    }
}
