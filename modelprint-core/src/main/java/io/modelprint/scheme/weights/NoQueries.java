package io.modelprint.scheme.weights;

import io.modelprint.ProgressListener;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.SeedSource;

/** The queries of a scheme that compares weights: none. The target must give its weights. */
final class NoQueries implements QueryGenerator {
    @Override
    public String name() {
        return "none";
    }

    @Override
    public Access targetAccess() {
        return Access.WEIGHTS;
    }

    @Override
    public boolean usesSeeds() {
        return false;
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        return new GeneratedQueries(new Queries(target.inputSpec(), new float[0], 0), new int[0], new boolean[0]);
    }
}
