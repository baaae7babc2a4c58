package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.gradient.PointArray;
import io.modelprint.gradient.SignStep;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Logits;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Random;

/**
 * Targeted gradient-sign methods (paper eqs. 1-2): steps of size α against the sign of the gradient
 * of the cross-entropy to the target label, each point kept within the L∞ ball of radius ε around
 * its seed and within the input range. A point stops when the target predicts the target label, or
 * after the iteration limit. FGSM is one step with α = ε; IGSM uses α = 1/255 and up to 1000 steps.
 * α and ε are fractions of the input range ({@code InputSpec.span}), as on the paper's [0,1] images.
 */
abstract class GradientSign implements QueryGenerator {
    private final float epsilon;
    private final float alpha;
    private final int maxIterations;
    private final SeedSelection selection;

    GradientSign(float epsilon, float alpha, int maxIterations, SeedSelection selection) {
        if (!(epsilon > 0) || Float.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!(alpha > 0) || maxIterations <= 0) {
            throw new IllegalArgumentException("step size must be > 0 and iterations > 0");
        }
        this.epsilon = epsilon;
        this.alpha = alpha;
        this.maxIterations = maxIterations;
        this.selection = selection;
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        InputSpec spec = GeneratorInputs.check(target, seeds, n);
        Random random = new Random(seed);
        int classes = target.numClasses();
        float[] result = seeds.draw(n, random);
        try (ActiveBatchLoop loop = new ActiveBatchLoop(target.description(), ActiveBatchLoop.Progress.steps(progress, maxIterations))) {
            NDArray x = loop.manager().create(result.clone(), spec.batchShape(n));
            PointArray origin = loop.track(x.duplicate());
            long[] to = TargetLabels.choose(target, x, selection.label(), random).to();
            PointArray toMask = loop.track(loop.manager().create(to).oneHot(classes));
            float radius = epsilon * spec.span();
            float stepSize = alpha * spec.span();
            loop.runToGoal(x, result, maxIterations, new IterativeAttack() {
                @Override
                public NDList loss(NDArray points) {
                    NDArray z = target.logits(points);
                    return new NDList(z.logSoftmax(1).mul(toMask.get()).sum(new int[] {1}).neg(), z);
                }

                @Override
                public boolean reached(InputGradient.Result evaluation, int row, int point) {
                    return Logits.argmax(evaluation.logits(), row, classes) == to[point];
                }

                @Override
                public NDArray step(NDArray points, NDArray gradient, int step) {
                    return SignStep.descend(points, gradient, stepSize);
                }

                @Override
                public NDArray project(NDArray points) {
                    try (NDArray lower = origin.get().sub(radius); NDArray upper = origin.get().add(radius);
                            NDArray below = points.minimum(upper); NDArray inBall = below.maximum(lower)) {
                        return inBall.clip(spec.min(), spec.max());
                    }
                }
            });
            return new GeneratedQueries(new Queries(spec, result, n), loop.iterations(), loop.converged());
        }
    }
}
