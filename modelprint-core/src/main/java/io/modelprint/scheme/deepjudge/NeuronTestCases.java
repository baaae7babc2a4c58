package io.modelprint.scheme.deepjudge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.Adam;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.gradient.PointArray;
import io.modelprint.model.Differentiable;
import io.modelprint.model.HiddenLayers;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Random;

/**
 * DeepJudge's white-box test cases (its neuron_fuzz.py): from the target's most certain correct seeds
 * ({@link ConfidentSeeds}), test case t climbs the output of unit t mod units of the probed layer by
 * Adam (learning rate {@code lr} of the input range) until it exceeds m x that unit's largest output
 * over the seeds, or {@code maxIter} steps. DeepJudge runs every seed for every unit, one at a time,
 * and keeps only the cases that reach the goal; here the n cases advance as one batch, a case leaves it
 * when it reaches its goal ({@code converged}), every case is kept, and each step is clipped to the input range.
 */
final class NeuronTestCases implements QueryGenerator {
    private final ProbedLayer layer;
    private final float multiple;
    private final float learningRate;
    private final int maxIterations;

    NeuronTestCases(ProbedLayer layer, float multiple, float learningRate, int maxIterations) {
        this.layer = layer;
        this.multiple = multiple;
        this.learningRate = learningRate;
        this.maxIterations = maxIterations;
    }

    @Override
    public String name() {
        return "deepjudge-neuron-tests";
    }

    @Override
    public Access targetAccess() {
        return Access.LAYERS;
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        HiddenLayers model = ProbedLayer.require(target);
        ImageDataset data = seeds.dataset(ProbedLayer.SCHEME + "'s seeds (correctly classified images)");
        InputSpec spec = target.inputSpec();
        if (!data.spec().compatibleWith(spec)) {
            throw new IllegalArgumentException("seed images are " + data.spec() + " but the target takes " + spec);
        }
        String name = layer.name(model.weights().specs(), target.description());
        int size = spec.pixelsPerImage();
        int[] picked = ConfidentSeeds.select(target, data, n, new Random(seed), ProbedLayer.SCHEME, 1);
        float[] result = new float[n * size];
        for (int i = 0; i < n; i++) {
            data.copyImage(picked[i], result, i * size);
        }
        float[] seedOutputs = new LayerOutputs(layer).ask(target, new Queries(spec, result, n)).activations().values();
        int units = seedOutputs.length / n;
        float[] goal = goals(seedOutputs, n, units);
        int[] unitOf = new int[n];
        for (int t = 0; t < n; t++) {
            unitOf[t] = t % units;
        }
        try (ActiveBatchLoop loop = new ActiveBatchLoop(target.description(), ActiveBatchLoop.Progress.steps(progress, maxIterations))) {
            NDManager manager = loop.manager();
            NDArray x = manager.create(result.clone(), spec.batchShape(n));
            PointArray mask = loop.track(manager.create(unitOf).oneHot(units));
            Adam adam = new Adam(loop, x, learningRate * spec.span());
            loop.runToGoal(x, result, maxIterations, new IterativeAttack() {
                @Override
                public NDList loss(NDArray points) {
                    NDArray means = ProbedLayer.unitMeans(model.layerOutput(points, name), target.description());
                    return new NDList(means.mul(mask.get()).sum(new int[] {1}).neg(), means);
                }

                @Override
                public boolean reached(InputGradient.Result evaluation, int row, int point) {
                    return -evaluation.loss()[row] > goal[unitOf[point]];
                }

                @Override
                public NDArray step(NDArray points, NDArray gradient, int step) {
                    return adam.step(points, gradient, step);
                }

                @Override
                public NDArray project(NDArray points) {
                    return points.clip(spec.min(), spec.max());
                }
            });
            return new GeneratedQueries(new Queries(spec, result, n), loop.iterations(), loop.converged());
        }
    }

    /** Each unit's goal: m x its largest output over the seeds (DeepJudge's getKs on the seeds). */
    private float[] goals(float[] outputs, int n, int units) {
        float[] goal = new float[units];
        java.util.Arrays.fill(goal, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < units; u++) {
                goal[u] = Math.max(goal[u], outputs[i * units + u]);
            }
        }
        for (int u = 0; u < units; u++) {
            goal[u] *= multiple;
        }
        return goal;
    }
}
