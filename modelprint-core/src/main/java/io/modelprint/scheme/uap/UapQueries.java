package io.modelprint.scheme.uap;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Arrays;
import java.util.Random;

/**
 * The UAP fingerprint's queries (Peng et al., CVPR 2022): n/2 data points and the same points under
 * the target's universal adversarial perturbation, clip(x + v). Layout as ModelDiff's: points
 * first, then their perturbed versions (query i pairs with i + n/2). The UAP is computed on the
 * n/2 points themselves; a pair counts as converged when v changes the target's label of its point.
 */
public final class UapQueries implements QueryGenerator {
    private final UniversalPerturbation uap;

    public UapQueries(UniversalPerturbation uap) {
        this.uap = uap;
    }

    @Override
    public String name() {
        return "uap-pairs";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        if (n < 2 || n % 2 != 0) {
            throw new InputException("uap needs an even number of queries >= 2 (points and their perturbed versions), got --n "
                    + n);
        }
        InputSpec spec = target.inputSpec();
        if (!seeds.spec().compatibleWith(spec)) {
            throw new IllegalArgumentException("seed images are " + seeds.spec() + " but the target takes " + spec);
        }
        int pairs = n / 2;
        int size = spec.pixelsPerImage();
        Random random = new Random(seed);
        float[] points = seeds.draw(pairs, random);
        UniversalPerturbation.Result result = uap.compute(target, points, pairs, progress);
        float[] perturbed = UniversalPerturbation.apply(spec, points, pairs, result.perturbation());
        long[] before = Labels.predict(target, points, pairs);
        long[] after = Labels.predict(target, perturbed, pairs);
        float[] values = Arrays.copyOf(points, n * size);
        System.arraycopy(perturbed, 0, values, pairs * size, pairs * size);
        int[] iterations = new int[n];
        boolean[] converged = new boolean[n];
        for (int i = 0; i < pairs; i++) {
            converged[i] = before[i] != after[i];
            converged[i + pairs] = converged[i];
            iterations[i + pairs] = result.steps();
        }
        return new GeneratedQueries(new Queries(spec, values, n), iterations, converged);
    }
}
