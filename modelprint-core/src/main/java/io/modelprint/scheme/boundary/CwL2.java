package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.Adam;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Random;

/**
 * Carlini-Wagner L2, targeted, after the authors' reference implementation: the point is
 * tanh(w + δ)·(max−min)/2 + (max+min)/2 so it stays in range; Adam minimizes
 * ‖x' − x‖² + c·max(max_{t≠j} Z_t − Z_j + k, 0) over δ; a binary search per point adjusts c
 * (halving toward the smallest c that succeeds, ×10 while none has); the adversarial point with the
 * smallest L2 distance that reaches label j with confidence k is kept. Iterations abort early when
 * the loss stops falling (checked every tenth of the limit). Points that never succeed keep their seed.
 */
public final class CwL2 implements QueryGenerator {
    private static final double NO_BOUND = 1e10;

    private final float k;
    private final float learningRate;
    private final int binarySteps;
    private final int maxIterations;
    private final float initialConstant;
    private final SeedSelection selection;

    public CwL2(float k, float learningRate, int binarySteps, int maxIterations, float initialConstant, SeedSelection selection) {
        if (!(k >= 0) || !(learningRate > 0) || binarySteps <= 0 || maxIterations <= 0 || !(initialConstant > 0)) {
            throw new IllegalArgumentException("CW-L2 needs k >= 0, lr > 0, binary steps > 0, iterations > 0, constant > 0");
        }
        this.k = k;
        this.learningRate = learningRate;
        this.binarySteps = binarySteps;
        this.maxIterations = maxIterations;
        this.initialConstant = initialConstant;
        this.selection = selection;
    }

    @Override
    public String name() {
        return "cw-l2";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        InputSpec spec = GeneratorInputs.check(target, seeds, n);
        Random random = new Random(seed);
        int size = spec.pixelsPerImage();
        int classes = target.numClasses();
        float[] best = seeds.draw(n, random);
        double[] bestL2 = new double[n];
        java.util.Arrays.fill(bestL2, NO_BOUND);
        double[] lower = new double[n];
        double[] upper = new double[n];
        java.util.Arrays.fill(upper, NO_BOUND);
        double[] constant = new double[n];
        java.util.Arrays.fill(constant, initialConstant);
        int totalIterations = 0;
        float half = (spec.max() - spec.min()) / 2;
        float mid = (spec.max() + spec.min()) / 2;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray origin = manager.create(best.clone(), spec.batchShape(n));
            long[] to = TargetLabels.choose(target, origin, selection.label(), random).to();
            NDArray toMask = manager.create(to).oneHot(classes);
            NDArray toMaskLarge = toMask.mul(10_000f);
            NDArray w = manager.create(tanhSpace(best, half, mid), spec.batchShape(n));
            for (int bs = 0; bs < binarySteps; bs++) {
                boolean[] succeeded = new boolean[n];
                try (ActiveBatchLoop loop = new ActiveBatchLoop(manager, target.description(), ActiveBatchLoop.Progress.NONE)) {
                    NDArray c = loop.manager().create(toFloats(constant));
                    Adam adam = new Adam(loop, w, learningRate);
                    loop.runSteps(w.zerosLike(), maxIterations, new IterativeAttack() {
                        private double previous = Double.MAX_VALUE;

                        @Override
                        public NDList loss(NDArray d) {
                            NDArray x = image(w, d, half, mid);
                            NDArray z = target.logits(x);
                            NDArray real = z.mul(toMask).sum(new int[] {1});
                            NDArray other = z.sub(toMaskLarge).max(new int[] {1});
                            NDArray margin = other.sub(real).add(k).maximum(0f);
                            NDArray distance = x.sub(origin).square().reshape(n, -1).sum(new int[] {1});
                            return new NDList(distance.add(margin.mul(c)), z, x, distance);
                        }

                        /** Keeps each point's closest success; stops when the loss stalls (checked every tenth of the limit). */
                        @Override
                        public boolean proceeds(InputGradient.Result eval, int it) {
                            float[] points = eval.extras().get(0);
                            float[] l2 = eval.extras().get(1);
                            for (int p = 0; p < n; p++) {
                                if (leads(eval.logits(), p, classes, (int) to[p]) && l2[p] < bestL2[p]) {
                                    bestL2[p] = l2[p];
                                    System.arraycopy(points, p * size, best, p * size, size);
                                }
                                succeeded[p] |= leads(eval.logits(), p, classes, (int) to[p]);
                            }
                            if (it % Math.max(1, maxIterations / 10) == 0) {
                                double loss = 0;
                                for (float value : eval.loss()) {
                                    loss += value;
                                }
                                if (loss > previous * 0.9999) {
                                    return false;
                                }
                                previous = loss;
                            }
                            return true;
                        }

                        @Override
                        public NDArray step(NDArray delta, NDArray gradient, int it) {
                            return adam.step(delta, gradient, it);
                        }
                    });
                    totalIterations += loop.evaluations();
                }
                for (int p = 0; p < n; p++) {
                    if (succeeded[p]) {
                        upper[p] = Math.min(upper[p], constant[p]);
                        constant[p] = (lower[p] + upper[p]) / 2;
                    } else {
                        lower[p] = Math.max(lower[p], constant[p]);
                        constant[p] = upper[p] < NO_BOUND / 10 ? (lower[p] + upper[p]) / 2 : constant[p] * 10;
                    }
                }
                progress.update(bs + 1, binarySteps, "binary search step " + (bs + 1));
            }
        }
        boolean[] converged = new boolean[n];
        int[] iterations = new int[n];
        for (int p = 0; p < n; p++) {
            converged[p] = bestL2[p] < NO_BOUND;
            iterations[p] = totalIterations;
        }
        return new GeneratedQueries(new Queries(spec, best, n), iterations, converged);
    }

    /** Whether {@code label} is still the top class of {@code row} with its logit lowered by k. */
    private boolean leads(float[] logits, int row, int classes, int label) {
        int best = 0;
        for (int t = 1; t < classes; t++) {
            float score = logits[row * classes + t] - (t == label ? k : 0);
            float top = logits[row * classes + best] - (best == label ? k : 0);
            if (score > top) {
                best = t;
            }
        }
        return best == label;
    }

    private static NDArray image(NDArray w, NDArray delta, float half, float mid) {
        // delta first: results attach to the first operand's manager, the per-step scope
        return delta.add(w).tanh().mul(half).add(mid);
    }

    /** atanh((x − mid)/half · 0.999999), the reference's change of variables (DJL's PyTorch engine lacks atanh). */
    private static float[] tanhSpace(float[] points, float half, float mid) {
        float[] w = new float[points.length];
        for (int i = 0; i < points.length; i++) {
            double y = (points[i] - mid) / half * 0.999999;
            w[i] = (float) (0.5 * Math.log((1 + y) / (1 - y)));
        }
        return w;
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
