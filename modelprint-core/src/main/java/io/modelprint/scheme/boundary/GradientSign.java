package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.InputGradient;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Logits;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Targeted gradient-sign methods (paper eqs. 1-2): steps of size α against the sign of the gradient
 * of the cross-entropy to the target label, each point kept within the L∞ ball of radius ε around
 * its seed and within the input range. A point stops when the target predicts the target label, or
 * after the iteration limit. FGSM is one step with α = ε; IGSM uses α = 1/255 and up to 1000 steps.
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
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("epsilon", epsilon);
        p.put("alpha", alpha);
        p.put("maxIter", maxIterations);
        p.put("combo", selection.code());
        return p;
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        InputSpec spec = GeneratorInputs.check(target, seeds, n);
        Random random = new Random(seed);
        int classes = target.numClasses();
        float[] result = seeds.draw(n, random);
        ActiveBatch batch = new ActiveBatch(result, spec.pixelsPerImage());
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray origin = manager.create(result.clone(), spec.batchShape(n));
            NDArray x = origin.duplicate();
            long[] to = TargetLabels.choose(target, x, selection.label(), random).to();
            NDArray toMask = manager.create(to).oneHot(classes);
            for (int step = 0; batch.size() > 0; step++) {
                NDArray mask = toMask;
                InputGradient.Result eval = InputGradient.evaluate(x, points -> {
                    NDArray z = target.logits(points);
                    return new NDList(z.logSoftmax(1).mul(mask).sum(new int[] {1}).neg(), z);
                }, manager, target.description(), step);
                boolean[] done = new boolean[batch.size()];
                boolean[] reached = new boolean[batch.size()];
                for (int row = 0; row < done.length; row++) {
                    reached[row] = Logits.argmax(eval.logits(), row, classes) == to[batch.original(row)];
                    done[row] = reached[row] || step == maxIterations;
                }
                NDArray keep = batch.retire(done, reached, x, step, manager);
                progress.update(n - batch.size(), n, "step " + step);
                NDArray grad = eval.gradient();
                if (batch.size() == 0) {
                    grad.close();
                    break;
                }
                if (keep != null) {
                    x = replace(x, x.get(keep));
                    origin = replace(origin, origin.get(keep));
                    toMask = replace(toMask, toMask.get(keep));
                    grad = replace(grad, grad.get(keep));
                    keep.close();
                }
                x = step(x, grad, origin, spec);
                grad.close();
            }
        }
        return new GeneratedQueries(new Queries(spec, result, n), batch.iterations(), batch.converged());
    }

    private NDArray step(NDArray x, NDArray grad, NDArray origin, InputSpec spec) {
        try (NDArray sign = grad.sign(); NDArray lower = origin.sub(epsilon); NDArray upper = origin.add(epsilon)) {
            x.subi(sign.muli(alpha));
            try (NDArray below = x.minimum(upper); NDArray inBall = below.maximum(lower)) {
                NDArray projected = inBall.clip(spec.min(), spec.max());
                x.close();
                return projected;
            }
        }
    }

    private static NDArray replace(NDArray old, NDArray fresh) {
        old.close();
        return fresh;
    }
}
