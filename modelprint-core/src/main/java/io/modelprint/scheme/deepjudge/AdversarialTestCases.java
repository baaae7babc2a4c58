package io.modelprint.scheme.deepjudge;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.LinfPgd;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Arrays;
import java.util.Random;

/**
 * DeepJudge's black-box test cases: n/2 seeds the target classifies correctly and most certainly
 * ({@link ConfidentSeeds}), then each seed's untargeted PGD input made on the target (query i pairs
 * with i + n/2): a uniform random start in the L∞ ball of radius epsilon, `steps` steps of
 * 2.5 epsilon / steps up the sign of the cross-entropy gradient of the seed's label, each projected
 * onto the ball and the input range. The seeds are asked too: the target's label of a seed is its
 * true label, against which robustness is measured. A pair is converged when the target is fooled.
 */
public final class AdversarialTestCases implements QueryGenerator {
    private static final int CHUNK = 1024;
    private final float epsilon;
    private final int steps;
    private final LinfPgd pgd;

    public AdversarialTestCases(float epsilon, int steps) {
        this.pgd = new LinfPgd(epsilon, steps);
        this.epsilon = epsilon;
        this.steps = steps;
    }

    @Override
    public String name() {
        return "deepjudge-tests";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        if (n < 2 || n % 2 != 0) {
            throw new InputException("deepjudge needs an even number of queries >= 2 (seeds and their test cases), got --n " + n);
        }
        ImageDataset data = seeds.dataset("deepjudge's seeds (correctly classified images)");
        InputSpec spec = target.inputSpec();
        if (!data.spec().compatibleWith(spec)) {
            throw new IllegalArgumentException("seed images are " + data.spec() + " but the target takes " + spec);
        }
        int pairs = n / 2;
        int size = spec.pixelsPerImage();
        Random random = new Random(seed);
        int[] picked = ConfidentSeeds.select(target, data, pairs, random);
        float[] values = new float[n * size];
        long[] truth = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            data.copyImage(picked[i], values, i * size);
            truth[i] = data.label(picked[i]);
        }
        for (int start = 0; start < pairs; start += CHUNK) {
            int count = Math.min(CHUNK, pairs - start);
            float[] origin = Arrays.copyOfRange(values, start * size, (start + count) * size);
            float[] adversarial = attack(target, origin, Arrays.copyOfRange(truth, start, start + count), random, progress);
            System.arraycopy(adversarial, 0, values, (pairs + start) * size, count * size);
        }
        long[] reached = Labels.predict(target, Arrays.copyOfRange(values, pairs * size, n * size), pairs);
        int[] iterations = new int[n];
        boolean[] converged = new boolean[n];
        for (int i = 0; i < pairs; i++) {
            iterations[i + pairs] = steps;
            converged[i] = reached[i] != truth[i];
            converged[i + pairs] = converged[i];
        }
        return new GeneratedQueries(new Queries(spec, values, n), iterations, converged);
    }

    private float[] attack(Differentiable target, float[] origin, long[] labels, Random random, ProgressListener progress) {
        InputSpec spec = target.inputSpec();
        float[] start = new float[origin.length];
        for (int i = 0; i < start.length; i++) {
            float noisy = origin[i] + (2 * random.nextFloat() - 1) * pgd.radius(spec);
            start[i] = Math.min(spec.max(), Math.max(spec.min(), noisy));
        }
        return pgd.away(target, origin, start, labels, (step, finished, total) -> progress.update(step + 1, steps, "PGD step"));
    }
}
