package io.modelprint.scheme.modelgif;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Arrays;
import java.util.Random;

/**
 * ModelGiF's sample points: n seeds drawn as they are (data images, seeded order). The target's
 * gradients are still needed, for its field on them (extraction checks them first).
 */
public final class FieldSamples implements QueryGenerator {
    @Override
    public String name() {
        return "modelgif-samples";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        if (n < 1) {
            throw new InputException("modelgif needs at least 1 sample, got --n " + n);
        }
        if (!seeds.spec().compatibleWith(target.inputSpec())) {
            throw new IllegalArgumentException("seed images are " + seeds.spec() + " but the target takes " + target.inputSpec());
        }
        float[] points = seeds.draw(n, new Random(seed));
        boolean[] converged = new boolean[n];
        Arrays.fill(converged, true);
        progress.update(n, n, "drawn");
        return new GeneratedQueries(new Queries(seeds.spec(), points, n), new int[n], converged);
    }
}
