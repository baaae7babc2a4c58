package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.PointArray;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * DeepFool (Moosavi-Dezfooli et al., CVPR 2016): each seed moved by the smallest perturbation that
 * changes the target's label, found by linearising the target at the current point
 * ({@link DeepFoolStep}), with the reference's overshoot so that the point sits just past the
 * nearest boundary. Candidate classes are the seed's `candidates` most likely ones (the reference
 * and foolbox take 10). A point that has not changed label after `maxIter` steps stays unconverged.
 */
public final class DeepFool implements QueryGenerator {
    private final float overshoot;
    private final int maxIterations;
    private final int candidates;

    public DeepFool(float overshoot, int maxIterations, int candidates) {
        if (!(overshoot >= 0) || Float.isInfinite(overshoot) || maxIterations < 1 || candidates < 2) {
            throw new IllegalArgumentException("DeepFool needs overshoot >= 0, maxIter >= 1 and candidates >= 2, got "
                    + overshoot + ", " + maxIterations + ", " + candidates);
        }
        this.overshoot = overshoot;
        this.maxIterations = maxIterations;
        this.candidates = candidates;
    }

    @Override
    public String name() {
        return "deepfool";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        GeneratorInputs.check(target, seeds, n);
        return perturb(target, seeds.draw(n, new Random(seed)), n, ActiveBatchLoop.Progress.steps(progress, maxIterations));
    }

    /**
     * The DeepFool points of {@code count} flattened images of the target's input spec (not changed):
     * per point the perturbed image, the steps it took and whether its label changed.
     */
    public GeneratedQueries perturb(Differentiable target, float[] images, int count, ActiveBatchLoop.Progress progress) {
        int classes = target.numClasses();
        if (classes < 2) {
            throw new InputException(target.description() + ": DeepFool needs at least 2 classes, the target has " + classes);
        }
        InputSpec spec = target.inputSpec();
        float[] result = images.clone();
        try (ActiveBatchLoop loop = new ActiveBatchLoop(target.description(), progress)) {
            NDManager manager = loop.manager();
            NDArray x = manager.create(images.clone(), spec.batchShape(count));
            int[][] ranked = ranked(target, x, count, Math.min(candidates, classes));
            long[] original = new long[count];
            for (int p = 0; p < count; p++) {
                original[p] = ranked[p][0];
            }
            List<PointArray> directions = new ArrayList<>();
            try (NDArray from = manager.create(original).oneHot(classes)) {
                for (int c = 1; c < ranked[0].length; c++) {
                    long[] other = new long[count];
                    for (int p = 0; p < count; p++) {
                        other[p] = ranked[p][c];
                    }
                    try (NDArray to = manager.create(other).oneHot(classes)) {
                        directions.add(loop.track(to.sub(from)));
                    }
                }
            }
            loop.runToGoal(x, result, maxIterations, new DeepFoolStep(target, directions, original, overshoot));
            return new GeneratedQueries(new Queries(spec, result, count), loop.iterations(), loop.converged());
        }
    }

    /** Per point, the {@code keep} most likely classes at {@code x}, most likely first (ties: lower class first). */
    private static int[][] ranked(Differentiable target, NDArray x, int count, int keep) {
        int classes = target.numClasses();
        float[] z;
        try (NDArray logits = target.predictLogits(x)) {
            z = logits.toFloatArray();
        }
        int[][] ranked = new int[count][];
        for (int p = 0; p < count; p++) {
            int row = p;
            ranked[p] = IntStream.range(0, classes).boxed()
                    .sorted(Comparator.comparingDouble((Integer c) -> -z[row * classes + c]).thenComparingInt(c -> c))
                    .limit(keep).mapToInt(Integer::intValue).toArray();
        }
        return ranked;
    }
}
