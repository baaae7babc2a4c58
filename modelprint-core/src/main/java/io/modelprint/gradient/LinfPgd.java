package io.modelprint.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;

/**
 * L∞ PGD (Madry et al.): {@code steps} sign steps of 2.5 ε / steps on the cross-entropy of a label
 * per image, up it ({@link #away}, untargeted) or down it ({@link #toward}, targeted), each projected
 * onto the ε-ball around the original image and onto the input range. The start is the caller's:
 * the originals (deterministic) or a random point of the ball. ε is a fraction of the input range
 * ({@link #radius}): the same setting on a [0,1] model and a [0,255] one.
 */
public final class LinfPgd {
    private final float epsilon;
    private final int steps;

    public LinfPgd(float epsilon, int steps) {
        if (!(epsilon > 0) || Float.isInfinite(epsilon) || steps < 1) {
            throw new IllegalArgumentException("PGD needs epsilon > 0 and steps >= 1, got " + epsilon + ", " + steps);
        }
        this.epsilon = epsilon;
        this.steps = steps;
    }

    public int steps() {
        return steps;
    }

    /**
     * @param origin the images whose ε-ball bounds the attack, {@code labels.length} of them
     * @param start where the steps begin (inside the ball), same layout as {@code origin}
     * @return the images moved away from their {@code labels}, same layout
     */
    public float[] away(Differentiable target, float[] origin, float[] start, long[] labels, ActiveBatchLoop.Progress progress) {
        return run(target, origin, start, labels, true, progress);
    }

    /** As {@link #away}, but down the cross-entropy of {@code labels}: the images moved toward them. */
    public float[] toward(Differentiable target, float[] origin, float[] start, long[] labels, ActiveBatchLoop.Progress progress) {
        return run(target, origin, start, labels, false, progress);
    }

    /** The ball's radius in the units of {@code spec}'s inputs: epsilon is a fraction of the input range. */
    public float radius(InputSpec spec) {
        return epsilon * spec.span();
    }

    private float[] run(Differentiable target, float[] origin, float[] start, long[] labels, boolean ascend,
            ActiveBatchLoop.Progress progress) {
        InputSpec spec = target.inputSpec();
        int count = labels.length;
        float radius = radius(spec);
        float alpha = 2.5f * radius / steps;
        try (ActiveBatchLoop loop = new ActiveBatchLoop(target.description(), progress)) {
            NDManager manager = loop.manager();
            NDArray x0 = manager.create(origin, spec.batchShape(count));
            NDArray lower = x0.sub(radius).maximum(spec.min());
            NDArray upper = x0.add(radius).minimum(spec.max());
            NDArray labelMask = manager.create(labels).oneHot(target.numClasses());
            return loop.runSteps(manager.create(start, spec.batchShape(count)), steps, new IterativeAttack() {
                @Override
                public NDList loss(NDArray points) {
                    NDArray z = target.logits(points);
                    return new NDList(z.logSoftmax(1).mul(labelMask).sum(new int[] {1}).neg(), z);
                }

                @Override
                public NDArray step(NDArray x, NDArray gradient, int step) {
                    return ascend ? SignStep.ascend(x, gradient, alpha) : SignStep.descend(x, gradient, alpha);
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
