package io.modelprint.scheme.boundary;

import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Arrays;
import java.util.Random;

/** The Random baseline: the seeds themselves (uniform over the input range, or data) labelled by the target. */
public final class RandomPoints implements QueryGenerator {
    private final SeedSelection selection;

    public RandomPoints(SeedSelection selection) {
        this.selection = selection;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of queries must be > 0, got " + n);
        }
        float[] points = seeds.draw(n, new Random(seed));
        boolean[] converged = new boolean[n];
        Arrays.fill(converged, true);
        progress.update(n, n, "drawn");
        return new GeneratedQueries(new Queries(seeds.spec(), points, n), new int[n], converged);
    }
}
