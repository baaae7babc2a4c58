package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.InputGradient;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * IPGuard (Cao, Jia, Gong; AsiaCCS 2021, eq. 5): for a seed x predicted as label i and a target
 * label j, minimize ReLU(Z_i − Z_j + k) + ReLU(max_{t≠i,j} Z_t − Z_i) over x with Adam. At zero,
 * j leads i by at least k and i leads every other label: x sits near the i/j boundary, on j's side.
 *
 * <p>All points advance together; a point leaves the batch as soon as its objective is 0, so one
 * slow point never keeps the finished ones iterating. After every step, values are clipped to the
 * input spec's range (the paper optimizes in the image domain [0,1]); {@code clip=false} turns that
 * off.
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
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k", k);
        p.put("lr", learningRate);
        p.put("maxIter", maxIterations);
        p.put("init", selection.init() == SeedSelection.Init.DATA ? "data" : "random");
        p.put("label", selection.label() == SeedSelection.TargetLabel.LEAST_LIKELY ? "least-likely" : "random");
        p.put("combo", selection.code());
        p.put("clip", clip);
        p.put("optimizer", "adam(beta1=0.9,beta2=0.999,eps=1e-8)");
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
            NDArray x = manager.create(result.clone(), spec.batchShape(n));
            TargetLabels labels = TargetLabels.choose(target, x, selection.label(), random);
            // logits of labels i and j are pushed out of the max over the other labels
            NDArray excluded = manager.create(labels.from()).oneHot(classes).add(manager.create(labels.to()).oneHot(classes))
                    .mul(EXCLUDED);
            NDArray fromMask = manager.create(labels.from()).oneHot(classes);
            NDArray toMask = manager.create(labels.to()).oneHot(classes);
            NDArray m = x.zerosLike();
            NDArray v = x.zerosLike();
            for (int step = 0; batch.size() > 0; step++) {
                NDArray fromNow = fromMask;
                NDArray toNow = toMask;
                NDArray excludedNow = excluded;
                InputGradient.Result evaluation = InputGradient.evaluate(x, points -> {
                    NDArray z = target.logits(points);
                    NDArray zFrom = z.mul(fromNow).sum(new int[] {1});
                    NDArray zTo = z.mul(toNow).sum(new int[] {1});
                    NDArray zOther = z.add(excludedNow).max(new int[] {1});
                    return new NDList(zFrom.sub(zTo).add(k).maximum(0f).add(zOther.sub(zFrom).maximum(0f)), z);
                }, manager, target.description(), step);
                float[] loss = evaluation.loss();
                NDArray grad = evaluation.gradient();
                boolean[] done = new boolean[batch.size()];
                boolean[] reached = new boolean[batch.size()];
                for (int row = 0; row < done.length; row++) {
                    reached[row] = loss[row] <= 0f;
                    done[row] = reached[row] || step == maxIterations;
                }
                NDArray keep = batch.retire(done, reached, x, step, manager);
                progress.update(n - batch.size(), n, "step " + step);
                if (batch.size() == 0) {
                    grad.close();
                    break;
                }
                if (keep != null) {
                    x = replace(x, x.get(keep));
                    m = replace(m, m.get(keep));
                    v = replace(v, v.get(keep));
                    grad = replace(grad, grad.get(keep));
                    fromMask = replace(fromMask, fromMask.get(keep));
                    toMask = replace(toMask, toMask.get(keep));
                    excluded = replace(excluded, excluded.get(keep));
                    keep.close();
                }
                x = adamStep(x, grad, m, v, step + 1, spec);
                grad.close();
            }
        }
        return new GeneratedQueries(new Queries(spec, result, n), batch.iterations(), batch.converged());
    }

    /** One Adam step on every active point, then the clip to the input range. */
    private NDArray adamStep(NDArray x, NDArray grad, NDArray m, NDArray v, int t, InputSpec spec) {
        Adam.step(x, grad, m, v, t, learningRate);
        return clip ? replace(x, x.clip(spec.min(), spec.max())) : x;
    }

    private static NDArray replace(NDArray old, NDArray fresh) {
        old.close();
        return fresh;
    }
}
