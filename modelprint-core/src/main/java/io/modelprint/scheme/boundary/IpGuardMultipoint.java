package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.Adam;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.gradient.PointArray;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Random;

/**
 * IPGuard's points moved to where three classes meet (the map's "boundary multipoints"): for a seed
 * predicted as i, a target label j (IPGuard's rule: least likely or random) and a third label l (the
 * seed's most likely class other than i and j), Adam minimises
 * |Z_j − Z_i − k| + |Z_j − Z_l − k| + ReLU(max_{t∉{i,j,l}} Z_t − min(Z_i, Z_l) + tol): the three
 * logits are the top three, i and l tied k below j. A point is done when both gaps are within tol of
 * k and no other class is above i or l; with k = 0 it sits at the junction of the three regions.
 * Clipping, batching and the seed rules are IPGuard's ({@link IpGuard}).
 */
public final class IpGuardMultipoint implements QueryGenerator {
    private static final float EXCLUDED = -1e9f;

    private final float k;
    private final float tolerance;
    private final float learningRate;
    private final int maxIterations;
    private final SeedSelection selection;
    private final boolean clip;

    public IpGuardMultipoint(float k, float tolerance, float learningRate, int maxIterations, SeedSelection selection,
            boolean clip) {
        if (!(k >= 0) || Float.isInfinite(k) || !(tolerance > 0) || Float.isInfinite(tolerance) || !(learningRate > 0)
                || maxIterations < 0) {
            throw new IllegalArgumentException("multipoints need k >= 0, tol > 0, lr > 0 and maxIter >= 0, got " + k + ", "
                    + tolerance + ", " + learningRate + ", " + maxIterations);
        }
        this.k = k;
        this.tolerance = tolerance;
        this.learningRate = learningRate;
        this.maxIterations = maxIterations;
        this.selection = selection;
        this.clip = clip;
    }

    @Override
    public String name() {
        return "ipguard-multipoint";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        InputSpec spec = GeneratorInputs.check(target, seeds, n);
        int classes = target.numClasses();
        if (classes < 3) {
            throw new InputException(target.description() + ": points where three classes meet need at least 3 classes, the"
                    + " target has " + classes);
        }
        Random random = new Random(seed);
        float[] result = seeds.draw(n, random);
        try (ActiveBatchLoop loop = new ActiveBatchLoop(target.description(), ActiveBatchLoop.Progress.steps(progress, maxIterations))) {
            NDManager manager = loop.manager();
            NDArray x = manager.create(result.clone(), spec.batchShape(n));
            TargetLabels labels = TargetLabels.choose(target, x, selection.label(), random);
            long[] third = thirdLabels(target, x, labels);
            PointArray fromMask = loop.track(manager.create(labels.from()).oneHot(classes));
            PointArray toMask = loop.track(manager.create(labels.to()).oneHot(classes));
            PointArray thirdMask = loop.track(manager.create(third).oneHot(classes));
            PointArray excluded = loop.track(fromMask.get().add(toMask.get()).add(thirdMask.get()).mul(EXCLUDED));
            Adam adam = new Adam(loop, x, learningRate * spec.span());
            loop.runToGoal(x, result, maxIterations, new IterativeAttack() {
                @Override
                public NDList loss(NDArray points) {
                    NDArray z = target.logits(points);
                    NDArray zFrom = z.mul(fromMask.get()).sum(new int[] {1});
                    NDArray zTo = z.mul(toMask.get()).sum(new int[] {1});
                    NDArray zThird = z.mul(thirdMask.get()).sum(new int[] {1});
                    NDArray zOther = z.add(excluded.get()).max(new int[] {1});
                    NDArray gaps = zTo.sub(zFrom).sub(k).abs().add(zTo.sub(zThird).sub(k).abs());
                    NDArray below = zOther.sub(zFrom.minimum(zThird)).add(tolerance).maximum(0f);
                    return new NDList(gaps.add(below), z);
                }

                @Override
                public boolean reached(InputGradient.Result evaluation, int row, int point) {
                    float[] z = evaluation.logits();
                    int offset = row * classes;
                    float zi = z[offset + (int) labels.from()[point]];
                    float zj = z[offset + (int) labels.to()[point]];
                    float zl = z[offset + (int) third[point]];
                    float floor = Math.min(zi, zl);
                    for (int t = 0; t < classes; t++) {
                        boolean inTriple = t == labels.from()[point] || t == labels.to()[point] || t == third[point];
                        if (!inTriple && z[offset + t] > floor) {
                            return false;
                        }
                    }
                    return Math.abs(zj - zi - k) <= tolerance && Math.abs(zj - zl - k) <= tolerance;
                }

                @Override
                public NDArray step(NDArray points, NDArray gradient, int step) {
                    return adam.step(points, gradient, step);
                }

                @Override
                public NDArray project(NDArray points) {
                    return clip ? points.clip(spec.min(), spec.max()) : points;
                }
            });
            return new GeneratedQueries(new Queries(spec, result, n), loop.iterations(), loop.converged());
        }
    }

    /** Per seed, its most likely class other than the pair's two labels. */
    private static long[] thirdLabels(Differentiable target, NDArray seeds, TargetLabels labels) {
        int classes = target.numClasses();
        float[] z;
        try (NDArray logits = target.predictLogits(seeds)) {
            z = logits.toFloatArray();
        }
        long[] third = new long[labels.from().length];
        for (int p = 0; p < third.length; p++) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (c != labels.from()[p] && c != labels.to()[p] && (best < 0 || z[p * classes + c] > z[p * classes + best])) {
                    best = c;
                }
            }
            third[p] = best;
        }
        return third;
    }
}
