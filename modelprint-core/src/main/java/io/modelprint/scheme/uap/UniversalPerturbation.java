package io.modelprint.scheme.uap;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.gradient.SignStep;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Logits;
import io.modelprint.scheme.Labels;

/**
 * A universal adversarial perturbation of the target: one v with ‖v‖∞ ≤ epsilon such that the
 * target's label of clip(x + v) differs from its label of x for most images x. Made by projected
 * gradient steps over all images at once (as Shafahi et al., AAAI 2020, make UAPs): from v = 0, sign steps of
 * 2.5 epsilon / maxIter down Σ_x max(Z_y − max_{t≠y} Z_t, 0) at clip(x + v), y the target's label of x
 * (an image already fooled pulls no more), each step projected onto the epsilon-ball. The v that
 * fooled the most images is kept; the run stops once it fools {@code foolingRate} of them.
 * Moosavi-Dezfooli et al.'s Alg. 1 (a DeepFool step per image and pass) reached a quarter of the
 * images of a small Fashion-MNIST VGG in 10 passes and 24 minutes; one gradient per step does better.
 */
public final class UniversalPerturbation {
    private static final float EXCLUDED = -1e9f;

    private final float epsilon;
    private final float foolingRate;
    private final int maxIterations;

    public UniversalPerturbation(float epsilon, float foolingRate, int maxIterations) {
        if (!(epsilon > 0) || Float.isInfinite(epsilon) || !(foolingRate > 0 && foolingRate <= 1) || maxIterations < 1) {
            throw new IllegalArgumentException("a UAP needs epsilon > 0, a fooling rate in (0,1] and maxIter >= 1, got "
                    + epsilon + ", " + foolingRate + ", " + maxIterations);
        }
        this.epsilon = epsilon;
        this.foolingRate = foolingRate;
        this.maxIterations = maxIterations;
    }

    /** v, the share of the images it fools, and the steps taken until it was found. */
    public record Result(float[] perturbation, double fooled, int steps) {}

    /** The UAP of {@code count} flattened images of the target's input spec. */
    public Result compute(Differentiable target, float[] images, int count, ProgressListener progress) {
        InputSpec spec = target.inputSpec();
        int classes = target.numClasses();
        long[] clean = Labels.predict(target, images, count);
        float[] best = new float[spec.pixelsPerImage()];
        double[] bestRate = {-1};
        int[] bestStep = {0};
        float radius = epsilon * spec.span();
        float alpha = 2.5f * radius / maxIterations;
        try (ActiveBatchLoop loop = new ActiveBatchLoop(target.description(), ActiveBatchLoop.Progress.NONE)) {
            NDManager manager = loop.manager();
            NDArray x = manager.create(images, spec.batchShape(count));
            NDArray label = manager.create(clean).oneHot(classes);
            NDArray others = label.mul(EXCLUDED);
            loop.runSteps(manager.zeros(spec.batchShape(1)), maxIterations, new IterativeAttack() {
                @Override
                public NDList loss(NDArray v) {
                    // v first: results attach to the first operand's manager, the per-step scope
                    NDArray z = target.logits(v.add(x).clip(spec.min(), spec.max()));
                    NDArray margin = z.mul(label).sum(new int[] {1}).sub(z.add(others).max(new int[] {1}));
                    return new NDList(margin.maximum(0f), z, v);
                }

                @Override
                public boolean proceeds(InputGradient.Result evaluation, int step) {
                    int fooled = 0;
                    for (int i = 0; i < count; i++) {
                        fooled += Logits.argmax(evaluation.logits(), i, classes) != clean[i] ? 1 : 0;
                    }
                    double rate = (double) fooled / count;
                    if (rate > bestRate[0]) {
                        bestRate[0] = rate;
                        bestStep[0] = step;
                        System.arraycopy(evaluation.extras().get(0), 0, best, 0, best.length);
                    }
                    progress.update(step + 1, maxIterations, String.format("UAP step: fooling rate %.2f", bestRate[0]));
                    return rate < foolingRate;
                }

                @Override
                public NDArray step(NDArray v, NDArray gradient, int step) {
                    return SignStep.descend(v, gradient, alpha);
                }

                @Override
                public NDArray project(NDArray v) {
                    return v.clip(-radius, radius);
                }
            });
        }
        return new Result(best, bestRate[0], bestStep[0]);
    }

    /** clip(x + v) of {@code images}, one per row. */
    public static float[] apply(InputSpec spec, float[] images, int count, float[] v) {
        int size = spec.pixelsPerImage();
        float[] out = new float[count * size];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(spec.max(), Math.max(spec.min(), images[i] + v[i % size]));
        }
        return out;
    }
}
