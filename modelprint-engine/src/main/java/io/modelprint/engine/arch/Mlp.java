package io.modelprint.engine.arch;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.modelprint.data.InputSpec;

/** A two-hidden-layer perceptron (256, 128) on flattened pixels. */
final class Mlp {
    private Mlp() {}

    static Block build(InputSpec spec, int numClasses) {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(256).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(128).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(numClasses).build());
    }
}
