package io.modelprint.scheme.llr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.gradient.SignStep;
import io.modelprint.model.Differentiable;

/**
 * Untargeted L∞ PGD on the target itself (Madry et al., no random start, so it is deterministic):
 * {@value #STEPS} steps of 2.5 ε / steps up the cross-entropy of each image's true label, projected
 * to the ε-ball and the input range. What the caller keeps are the images that leave their label.
 */
final class PushedOffLabel {
    static final int STEPS = 10;
    private final float epsilon;

    PushedOffLabel(float epsilon) {
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("PGD needs epsilon > 0, got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** The {@code count} images in {@code images} after the PGD steps away from {@code labels}. */
    float[] perturb(Differentiable target, float[] images, long[] labels, int count) {
        InputSpec spec = target.inputSpec();
        float alpha = 2.5f * epsilon / STEPS;
        try (ActiveBatchLoop loop = new ActiveBatchLoop(target.description(), ActiveBatchLoop.Progress.NONE)) {
            NDManager manager = loop.manager();
            NDArray start = manager.create(images, spec.batchShape(count));
            NDArray lower = start.sub(epsilon).maximum(spec.min());
            NDArray upper = start.add(epsilon).minimum(spec.max());
            NDArray trueMask = manager.create(labels).oneHot(target.numClasses());
            return loop.runSteps(start.duplicate(), STEPS, new IterativeAttack() {
                @Override
                public NDList loss(NDArray points) {
                    NDArray z = target.logits(points);
                    return new NDList(z.logSoftmax(1).mul(trueMask).sum(new int[] {1}).neg(), z);
                }

                @Override
                public NDArray step(NDArray x, NDArray gradient, int step) {
                    return SignStep.ascend(x, gradient, alpha);
                }

                @Override
                public NDArray project(NDArray x) {
                    try (NDArray below = x.minimum(upper)) {
                        return below.maximum(lower);
                    }
                }
            }).toFloatArray();
        }
    }
}
