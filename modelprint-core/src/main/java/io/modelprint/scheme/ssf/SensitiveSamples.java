package io.modelprint.scheme.ssf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.Adam;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.model.Differentiable;
import io.modelprint.model.WeightPerturbable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * SSF's sensitive samples (He, Zhang, Lee, CVPR 2019): {@code pool} x n seeds (data images or noise)
 * climb the {@link WeightSensitivity} of the target's softmax output by Adam, fresh weight
 * perturbations at every step, kept in the input range; then each candidate's sensitivity is measured
 * on perturbations none of the steps saw, and the n most sensitive whose softmax is not saturated
 * (top probability below {@value #SATURATED}: its scores must be able to move) become the queries.
 * A query is "converged" when it is not saturated; for ssf-hard, when {@link SmallMargins} brought its
 * top-1 margin into its band.
 */
final class SensitiveSamples implements QueryGenerator {
    static final float SATURATED = 0.999f;
    /** Perturbations that measure the candidates are drawn from seeds this far from the steps' ones. */
    private static final long MEASURE_SEEDS = 1L << 40;
    private static final int MEASURE_DRAWS = 8;

    private final float sigma;
    private final int draws;
    private final int steps;
    private final float lr;
    private final int pool;
    private final SmallMargins margins;

    /** @param margins ssf-hard's last stage, or null (ssf: the samples as chosen) */
    SensitiveSamples(float sigma, int draws, int steps, float lr, int pool, SmallMargins margins) {
        this.sigma = sigma;
        this.draws = draws;
        this.steps = steps;
        this.lr = lr;
        this.pool = pool;
        this.margins = margins;
    }

    @Override
    public String name() {
        return margins == null ? "sensitive-samples" : "sensitive-samples-small-margin";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        WeightPerturbable model = perturbable(target);
        InputSpec spec = model.inputSpec();
        int count = Math.multiplyExact(n, pool);
        float[] start = seeds.draw(count, new Random(seed));
        WeightSensitivity sensitivity = new WeightSensitivity(model, sigma, draws);
        float[] candidates;
        try (ActiveBatchLoop loop = new ActiveBatchLoop(model.description(), ActiveBatchLoop.Progress.steps(progress, steps))) {
            NDArray x = loop.manager().create(start, spec.batchShape(count));
            Adam adam = new Adam(loop, x, lr * spec.span());
            candidates = loop.runSteps(x, steps, new IterativeAttack() {
                /** Fresh perturbations at every evaluation: the steps climb the expected sensitivity, not a few draws'. */
                private long evaluation;

                @Override
                public NDList loss(NDArray points) {
                    return new NDList(sensitivity.of(points, seed * 1_000_003L + evaluation++ * draws).neg(), model.logits(points));
                }

                @Override
                public NDArray step(NDArray variable, NDArray gradient, int step) {
                    return adam.step(variable, gradient, step);
                }

                @Override
                public NDArray project(NDArray variable) {
                    return variable.clip(spec.min(), spec.max());
                }
            }).toFloatArray();
        }
        return choose(model, new WeightSensitivity(model, sigma, MEASURE_DRAWS), candidates, count, n, seed);
    }

    /** The n most sensitive candidates, unsaturated ones first. */
    private GeneratedQueries choose(WeightPerturbable model, WeightSensitivity measure, float[] candidates, int count, int n,
            long seed) {
        InputSpec spec = model.inputSpec();
        float[] s = measure.measure(candidates, count, MEASURE_SEEDS + seed);
        float[] top = topProbabilities(model, candidates, count);
        Integer[] order = IntStream.range(0, count).boxed().sorted(Comparator.<Integer>comparingInt(i -> top[i] < SATURATED ? 0 : 1)
                .thenComparing(i -> -s[i])).toArray(Integer[]::new);
        int size = spec.pixelsPerImage();
        float[] chosen = new float[n * size];
        boolean[] converged = new boolean[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(candidates, order[i] * size, chosen, i * size, size);
            converged[i] = top[order[i]] < SATURATED;
        }
        int[] iterations = new int[n];
        Arrays.fill(iterations, steps);
        if (margins != null) {
            chosen = margins.move(model, chosen, n, converged);
        }
        return new GeneratedQueries(new Queries(spec, chosen, n), iterations, converged);
    }

    private static float[] topProbabilities(WeightPerturbable model, float[] points, int count) {
        float[] logits = Answers.ask(model, new Queries(model.inputSpec(), points, count), Access.SCORES).scores();
        int classes = model.numClasses();
        float[] top = new float[count];
        for (int i = 0; i < count; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[i * classes + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[i * classes + c] - max);
            }
            top[i] = (float) (1 / sum);
        }
        return top;
    }

    static WeightPerturbable perturbable(Differentiable target) {
        if (target instanceof WeightPerturbable model && model.offersPerturbation()) {
            return model;
        }
        throw new InputException(target.description() + ": ssf makes its sensitive samples by perturbing the target's weights,"
                + " which modelprint reaches in its own model directories only (lenet5, vgg, resnet20, mlp), not in TorchScript"
                + " or ONNX files, APIs, or a target seen through --resize or another input conversion");
    }
}
