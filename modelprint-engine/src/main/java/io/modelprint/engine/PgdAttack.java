package io.modelprint.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

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
        NDArray x = images.add(manager.randomUniform(-epsilon, epsilon, images.getShape())).maximum(lower).minimum(upper);
        for (int step = 0; step < steps; step++) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray variable = x.duplicate();
                variable.attach(scope);
                variable.setRequiresGradient(true);
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDArray logits = block.forward(parameters, new NDList(variable), false).singletonOrThrow();
                    collector.backward(CROSS_ENTROPY.evaluate(new NDList(labels), new NDList(logits)));
                }
                NDArray next = variable.add(variable.getGradient().sign().mul(stepSize)).maximum(lower).minimum(upper);
                next.attach(manager);
                x = next;
            }
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
