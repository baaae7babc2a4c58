package io.modelprint.engine.arch;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import io.modelprint.data.InputSpec;
import java.util.Arrays;

/**
 * The 20-layer CIFAR ResNet of He et al. (2016, §4.2): a 3x3 conv with 16 filters, three stages of
 * three basic blocks (16, 32, 64 filters; stride 2 at the start of stages 2 and 3, projection
 * shortcut there), global average pooling and a linear layer. Works for 28x28 and 32x32 inputs.
 */
final class ResNet20 {
    private static final int[] STAGES = {16, 32, 64};
    private static final int BLOCKS_PER_STAGE = 3;

    private ResNet20() {}

    static Block build(InputSpec spec, int numClasses) {
        SequentialBlock net = new SequentialBlock()
                .add(conv(16, 1))
                .add(BatchNorm.builder().build())
                .add(Activation::relu);
        for (int stage = 0; stage < STAGES.length; stage++) {
            for (int b = 0; b < BLOCKS_PER_STAGE; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                net.add(basicBlock(STAGES[stage], stride, stride != 1));
            }
        }
        return net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(numClasses).build());
    }

    private static Block basicBlock(int filters, int stride, boolean project) {
        SequentialBlock residual = new SequentialBlock()
                .add(conv(filters, stride))
                .add(BatchNorm.builder().build())
                .add(Activation::relu)
                .add(conv(filters, 1))
                .add(BatchNorm.builder().build());
        Block shortcut = project
                ? new SequentialBlock()
                        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).optStride(new Shape(stride, stride))
                                .optBias(false).setFilters(filters).build())
                        .add(BatchNorm.builder().build())
                : Blocks.identityBlock();
        return new SequentialBlock()
                .add(new ParallelBlock(
                        outputs -> new NDList(NDArrays.add(outputs.get(0).singletonOrThrow(), outputs.get(1).singletonOrThrow())),
                        Arrays.asList(residual, shortcut)))
                .add(Activation::relu);
    }

    private static Conv2d conv(int filters, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(stride, stride))
                .optPadding(new Shape(1, 1)).optBias(false).setFilters(filters).build();
    }
}
