package io.modelprint.scheme.cae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.Adam;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.gradient.PointArray;
import io.modelprint.model.Differentiable;
import java.util.Arrays;
import java.util.Random;

/**
 * Moves every candidate towards its class t with Adam, within the L-infinity ball of radius epsilon
 * around its seed (and the input range), from a uniform random start in the ball. The per-point loss
 * is the paper's three aims for a fixed t, each weighted 1:
 * <pre>
 *   − log p_target(t | x')                              the target is fooled into t
 *   − log mean_s p_s(t | x')                            the surrogates follow it
 *   − log (1 − mean_r p_r(t | x'))                      the selection references do not
 * </pre>
 * The last two are −log of the conferrable ensemble's output for t, mean_s p_s(t) (1 − mean_r p_r(t)).
 * Each step the means run over a random {@code share} of the surrogates and of the references (rounded,
 * at least one of each, drawn for every step from the extraction's seed: {@link StepMembers}): the
 * paper's dropout on the ensemble's members, which also spares a step the passes of the members left out.
 * Every candidate takes all the steps (no early stop: conferrability keeps improving after the
 * target is fooled), at most {@link #CHUNK} candidates at a time to bound the engine's memory.
 */
final class ConferrableSearch {
    static final int CHUNK = 256;
    private static final float TINY = 1e-6f;

    private final float epsilon;
    private final float learningRate;
    private final int steps;
    private final float share;

    ConferrableSearch(float epsilon, float learningRate, int steps, float share) {
        if (!(epsilon > 0) || !(learningRate > 0) || steps < 1) {
            throw new IllegalArgumentException("epsilon and learning rate must be > 0 and steps >= 1");
        }
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        this.epsilon = epsilon;
        this.learningRate = learningRate;
        this.steps = steps;
        this.share = share;
    }

    int steps() {
        return steps;
    }

    /** The moved candidates, flattened in the seeds' order. */
    float[] run(Differentiable target, FleetEnsemble ensemble, CandidateSeeds seeds, Random random, ProgressListener progress) {
        InputSpec spec = target.inputSpec();
        int size = spec.pixelsPerImage();
        float[] moved = new float[seeds.images().length];
        int chunks = (seeds.count() + CHUNK - 1) / CHUNK;
        for (int chunk = 0; chunk < chunks; chunk++) {
            int first = chunk * CHUNK;
            int n = Math.min(CHUNK, seeds.count() - first);
            float[] origin = Arrays.copyOfRange(seeds.images(), first * size, (first + n) * size);
            long[] classes = Arrays.copyOfRange(seeds.targetClasses(), first, first + n);
            long before = (long) chunk * steps;
            ActiveBatchLoop.Progress report = (step, finished, total) -> progress.update(before + step + 1, (long) chunks * steps,
                    "conferrable search, step " + (step + 1) + " of " + steps);
            try (ActiveBatchLoop loop = new ActiveBatchLoop(target.description(), report)) {
                NDArray last = run(loop, target, ensemble, origin, classes, randomStart(origin, spec, random), n, random);
                System.arraycopy(last.toFloatArray(), 0, moved, first * size, n * size);
            }
        }
        return moved;
    }

    private NDArray run(ActiveBatchLoop loop, Differentiable target, FleetEnsemble ensemble, float[] origin, long[] classes,
            float[] start, int n, Random random) {
        InputSpec spec = target.inputSpec();
        NDManager manager = loop.manager();
        NDArray x = manager.create(start, spec.batchShape(n));
        PointArray seeds = loop.track(manager.create(origin, spec.batchShape(n)));
        PointArray classMask = loop.track(manager.create(classes).oneHot(target.numClasses()));
        Adam adam = new Adam(loop, x, learningRate * spec.span());
        StepMembers members = StepMembers.draw(ensemble, share, steps, random);
        return loop.runSteps(x, steps, new IterativeAttack() {
            private int step;

            @Override
            public InputGradient.Result evaluate(NDArray variable, NDManager manager, String what, int step) {
                this.step = step;
                return IterativeAttack.super.evaluate(variable, manager, what, step);
            }

            @Override
            public NDList loss(NDArray points) {
                NDArray mask = classMask.get();
                NDArray z = target.logits(points);
                NDArray fooled = z.logSoftmax(1).mul(mask).sum(new int[] {1}).neg();
                NDArray followed = FleetEnsemble.meanProbability(members.surrogates(step), points, mask).add(TINY).log().neg();
                NDArray avoided = FleetEnsemble.meanProbability(members.references(step), points, mask).neg().add(1f + TINY).log()
                        .neg();
                return new NDList(fooled.add(followed).add(avoided), z);
            }

            @Override
            public NDArray step(NDArray points, NDArray gradient, int step) {
                return adam.step(points, gradient, step);
            }

            @Override
            public NDArray project(NDArray points) {
                try (NDArray lower = seeds.get().sub(radius(spec)); NDArray upper = seeds.get().add(radius(spec));
                        NDArray below = points.minimum(upper); NDArray inBall = below.maximum(lower)) {
                    return inBall.clip(spec.min(), spec.max());
                }
            }
        });
    }

    /** The ball's radius in the units of the inputs: epsilon is a fraction of the input range. */
    private float radius(InputSpec spec) {
        return epsilon * spec.span();
    }

    private float[] randomStart(float[] origin, InputSpec spec, Random random) {
        float[] start = new float[origin.length];
        for (int i = 0; i < start.length; i++) {
            float moved = origin[i] + radius(spec) * (2 * random.nextFloat() - 1);
            start[i] = Math.min(spec.max(), Math.max(spec.min(), moved));
        }
        return start;
    }
}
