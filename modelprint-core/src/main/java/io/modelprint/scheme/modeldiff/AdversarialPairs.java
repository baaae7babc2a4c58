package io.modelprint.scheme.modeldiff;

import io.modelprint.data.InputSpec;
import io.modelprint.gradient.LinfPgd;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Labels;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Random;

/**
 * ModelDiff's profiling inputs: n/2 seed images, each paired with a targeted PGD (L-infinity)
 * adversarial input made on the target toward a random other label: steps of size 2.5 eps / steps
 * against the sign of the cross-entropy gradient, projected to the eps-ball and the input range.
 * Layout as in ModelDiff: seeds first, then their adversarial partners (query i pairs with i + n/2).
 * A pair counts as converged when the target gives its adversarial input the chosen label.
 */
public final class AdversarialPairs implements QueryGenerator {
    private final int steps;
    private final LinfPgd pgd;

    public AdversarialPairs(float epsilon, int steps) {
        if (!(epsilon > 0) || steps <= 0) {
            throw new IllegalArgumentException("ModelDiff needs epsilon > 0 and steps > 0, got " + epsilon + ", " + steps);
        }
        this.steps = steps;
        this.pgd = new LinfPgd(epsilon, steps);
    }

    @Override
    public String name() {
        return "adversarial-pairs";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        if (n < 2 || n % 2 != 0) {
            throw new io.modelprint.InputException("ModelDiff needs an even number of queries >= 2 (pairs), got --n " + n);
        }
        InputSpec spec = target.inputSpec();
        int pairs = n / 2;
        int size = spec.pixelsPerImage();
        Random random = new Random(seed);
        float[] origin = seeds.draw(pairs, random);
        long[] predicted = Labels.predict(target, origin, pairs);
        int classes = target.numClasses();
        long[] to = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            to[i] = (predicted[i] + 1 + random.nextInt(classes - 1)) % classes;
        }
        float[] adversarial = pgd.toward(target, origin, origin, to,
                (step, finished, total) -> progress.update(step + 1, steps, "PGD step"));
        long[] reached = Labels.predict(target, adversarial, pairs);
        float[] values = new float[n * size];
        System.arraycopy(origin, 0, values, 0, pairs * size);
        System.arraycopy(adversarial, 0, values, pairs * size, pairs * size);
        int[] iterations = new int[n];
        boolean[] converged = new boolean[n];
        for (int i = 0; i < pairs; i++) {
            iterations[i + pairs] = steps;
            converged[i] = reached[i] == to[i];
            converged[i + pairs] = converged[i];
        }
        return new GeneratedQueries(new Queries(spec, values, n), iterations, converged);
    }
}
