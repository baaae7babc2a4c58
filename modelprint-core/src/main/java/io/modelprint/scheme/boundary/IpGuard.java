package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.Adam;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.gradient.PointArray;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Random;

/**
 * IPGuard (Cao, Jia, Gong; AsiaCCS 2021, eq. 5): for a seed x predicted as label i and a target
 * label j, minimize ReLU(Z_i − Z_j + k) + ReLU(max_{t≠i,j} Z_t − Z_i) over x with Adam. At zero,
 * j leads i by at least k and i leads every other label: x sits near the i/j boundary, on j's side.
 *
 * <p>All points advance together; a point leaves the batch as soon as its objective is 0, so one
 * slow point never keeps the finished ones iterating. After every step, values are clipped to the
 * input spec's range (the paper optimizes in the image domain [0,1]); {@code clip=false} turns that
 * off. The learning rate is a fraction of the input range ({@link InputSpec#span}): the paper's on a
 * [0,1] model, scaled for a [0,255] one.
 */
public final class IpGuard implements QueryGenerator {
    private static final float EXCLUDED = -1e9f;

    private final float k;
    private final float learningRate;
    private final int maxIterations;
    private final SeedSelection selection;
    private final boolean clip;

    public IpGuard(float k, float learningRate, int maxIterations, SeedSelection selection, boolean clip) {
        if (!(k >= 0) || Float.isInfinite(k)) {
            throw new IllegalArgumentException("k must be a finite number >= 0, got " + k);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("max iterations must be >= 0, got " + maxIterations);
        }
        this.k = k;
        this.learningRate = learningRate;
        this.maxIterations = maxIterations;
        this.selection = selection;
        this.clip = clip;
    }

    @Override
    public String name() {
        return "ipguard";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        InputSpec spec = GeneratorInputs.check(target, seeds, n);
        Random random = new Random(seed);
        int classes = target.numClasses();
        float[] result = seeds.draw(n, random);
        try (ActiveBatchLoop loop = new ActiveBatchLoop(target.description(), ActiveBatchLoop.Progress.steps(progress, maxIterations))) {
            NDManager manager = loop.manager();
            NDArray x = manager.create(result.clone(), spec.batchShape(n));
            TargetLabels labels = TargetLabels.choose(target, x, selection.label(), random);
            // logits of labels i and j are pushed out of the max over the other labels
            PointArray excluded = loop.track(manager.create(labels.from()).oneHot(classes)
                    .add(manager.create(labels.to()).oneHot(classes)).mul(EXCLUDED));
            PointArray fromMask = loop.track(manager.create(labels.from()).oneHot(classes));
            PointArray toMask = loop.track(manager.create(labels.to()).oneHot(classes));
            Adam adam = new Adam(loop, x, learningRate * spec.span());
            loop.runToGoal(x, result, maxIterations, new IterativeAttack() {
                @Override
                public NDList loss(NDArray points) {
                    NDArray z = target.logits(points);
                    NDArray zFrom = z.mul(fromMask.get()).sum(new int[] {1});
                    NDArray zTo = z.mul(toMask.get()).sum(new int[] {1});
                    NDArray zOther = z.add(excluded.get()).max(new int[] {1});
                    return new NDList(zFrom.sub(zTo).add(k).maximum(0f).add(zOther.sub(zFrom).maximum(0f)), z);
                }

                @Override
                public boolean reached(InputGradient.Result evaluation, int row, int point) {
                    return evaluation.loss()[row] <= 0f;
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
}
