package io.modelprint.fingerprint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.ProgressListener;
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
        if (n <= 0) {
            throw new IllegalArgumentException("number of queries must be > 0, got " + n);
        }
        InputSpec spec = target.inputSpec();
        if (!seeds.spec().compatibleWith(spec)) {
            throw new IllegalArgumentException("seed images are " + seeds.spec() + " but the target takes " + spec);
        }
        Random random = new Random(seed);
        int size = spec.pixelsPerImage();
        int classes = target.numClasses();
        float[] result = seeds.draw(n, random);
        int[] iterations = new int[n];
        boolean[] converged = new boolean[n];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray origin = manager.create(result.clone(), spec.batchShape(n));
            NDArray x = origin.duplicate();
            long[] to = TargetLabels.choose(target, x, selection.label(), random).to();
            NDArray toMask = manager.create(to).oneHot(classes);
            int[] active = new int[n];
            for (int i = 0; i < n; i++) {
                active[i] = i;
            }
            long[] activeTo = to;
            for (int step = 0; active.length > 0; step++) {
                NDArray mask = toMask;
                InputGradient.Result eval = InputGradient.evaluate(x, points -> {
                    NDArray z = target.logits(points);
                    return new NDList(z.logSoftmax(1).mul(mask).sum(new int[] {1}).neg(), z);
                }, manager, target.description(), step);
                boolean[] done = new boolean[active.length];
                int doneCount = 0;
                for (int a = 0; a < active.length; a++) {
                    boolean reached = argMax(eval.logits(), a, classes) == activeTo[a];
                    if (reached || step == maxIterations) {
                        done[a] = true;
                        doneCount++;
                        iterations[active[a]] = step;
                        converged[active[a]] = reached;
                    }
                }
                if (doneCount > 0) {
                    float[] current = x.toFloatArray();
                    for (int a = 0; a < active.length; a++) {
                        if (done[a]) {
                            System.arraycopy(current, a * size, result, active[a] * size, size);
                        }
                    }
                    progress.update(n - active.length + doneCount, n, "step " + step);
                }
                NDArray grad = eval.gradient();
                if (doneCount == active.length) {
                    grad.close();
                    break;
                }
                if (doneCount > 0) {
                    int[] keptActive = new int[active.length - doneCount];
                    long[] keptTo = new long[keptActive.length];
                    long[] keep = new long[keptActive.length];
                    for (int a = 0, w = 0; a < active.length; a++) {
                        if (!done[a]) {
                            keep[w] = a;
                            keptTo[w] = activeTo[a];
                            keptActive[w++] = active[a];
                        }
                    }
                    try (NDArray index = manager.create(keep)) {
                        x = replace(x, x.get(index));
                        origin = replace(origin, origin.get(index));
                        toMask = replace(toMask, toMask.get(index));
                        grad = replace(grad, grad.get(index));
                    }
                    active = keptActive;
                    activeTo = keptTo;
                }
                x = step(x, grad, origin, spec);
                grad.close();
            }
        }
        return new GeneratedQueries(new Queries(spec, result, n), iterations, converged);
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

    private static int argMax(float[] logits, int row, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[row * classes + c] > logits[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    private static NDArray replace(NDArray old, NDArray fresh) {
        old.close();
        return fresh;
    }
}
