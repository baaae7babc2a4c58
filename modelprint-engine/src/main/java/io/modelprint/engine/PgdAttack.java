package io.modelprint.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.gradient.SignStep;

/**
 * Projected gradient descent in the L-infinity ball (Madry et al.): from a uniform random start
 * within {@code epsilon} of each image, {@code steps} signed-gradient ascent steps of
 * {@code stepSize} on the cross-entropy, each projected back to the ball and the input range. The
 * examples are made in inference mode, so batch-norm statistics are not moved by them.
 */
public record PgdAttack(float epsilon, float stepSize, int steps, float min, float max) implements ModelTrainer.Adversary {
    private static final Loss CROSS_ENTROPY = Loss.softmaxCrossEntropyLoss();

    public PgdAttack {
        if (!(epsilon > 0) || !(stepSize > 0) || steps < 1 || !(max > min)) {
            throw new IllegalArgumentException("PGD needs epsilon > 0, step > 0, steps >= 1 and a non-empty range; got epsilon "
                    + epsilon + ", step " + stepSize + ", steps " + steps + ", range [" + min + ", " + max + "]");
        }
    }

    @Override
    public NDArray perturb(Block block, ParameterStore parameters, NDArray images, NDArray labels) {
        NDManager manager = images.getManager();
        NDArray lower = images.sub(epsilon).maximum(min);
        NDArray upper = images.add(epsilon).minimum(max);
        NDArray start = images.add(manager.randomUniform(-epsilon, epsilon, images.getShape())).maximum(lower).minimum(upper);
        NDArray x;
        try (ActiveBatchLoop loop = new ActiveBatchLoop(manager, "PGD", ActiveBatchLoop.Progress.NONE)) {
            x = loop.runSteps(start, steps, new IterativeAttack() {
                /** The batch's mean cross-entropy, one value for all (the loop's sum over points leaves it as it is). */
                @Override
                public NDList loss(NDArray variable) {
                    NDArray logits = block.forward(parameters, new NDList(variable), false).singletonOrThrow();
                    return new NDList(CROSS_ENTROPY.evaluate(new NDList(labels), new NDList(logits)), logits);
                }

                /** Unchecked: a diverging student's NaN loss is the trainer's to report. */
                @Override
                public InputGradient.Result evaluate(NDArray variable, NDManager loopManager, String what, int step) {
                    return InputGradient.once(variable, this::loss, loopManager);
                }

                @Override
                public NDArray step(NDArray variable, NDArray gradient, int step) {
                    return SignStep.ascend(variable, gradient, stepSize);
                }

                @Override
                public NDArray project(NDArray variable) {
                    try (NDArray above = variable.maximum(lower)) {
                        return above.minimum(upper);
                    }
                }
            });
            x.attach(manager);
        }
        zeroParameterGradients(block);
        return x;
    }

    /** The ascent's backward passes also reached the parameters; the training step must not see that. */
    private static void zeroParameterGradients(Block block) {
        for (Parameter parameter : block.getParameters().values()) {
            NDArray array = parameter.getArray();
            if (array.hasGradient()) {
                try (NDArray gradient = array.getGradient()) {
                    gradient.muli(0);
                }
            }
        }
    }
}
