package io.modelprint.testing;

import io.modelprint.ProgressListener;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.FleetSelectedQueries;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fleet-selected generator for tests: seed images, "chosen" by the selection half of a split
 * (recorded as having chosen them, with made-up agreement rates), compared as the {@code random}
 * scheme compares labels, so a fingerprint made with it reads back as a {@code random} fingerprint
 * that carries a fleet's selection.
 */
public final class FleetChosenSeeds implements FleetSelectedQueries {
    @Override
    public String name() {
        return "random";
    }

    /** The {@code random} scheme with {@code n} queries, choosing them with this generator. */
    public static Scheme<long[]> scheme(int n) {
        return Scheme.labelMatching("random", new FleetChosenSeeds(),
                Schemes.require("random", "test").parameters().resolve(Map.of("n", n), "random"));
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, FleetSplit split,
            ProgressListener progress) {
        float[] points = seeds.draw(n, new Random(seed));
        boolean[] converged = new boolean[n];
        Arrays.fill(converged, true);
        List<FleetMember> chosenBy = new ArrayList<>(split.surrogates());
        chosenBy.addAll(split.selectionReferences());
        double[] surrogates = new double[n];
        double[] references = new double[n];
        Arrays.fill(surrogates, 0.9);
        Arrays.fill(references, 0.1);
        QuerySelection selection = new QuerySelection(split.fleet().sha256(), split.fleet().location(), chosenBy, surrogates,
                references);
        return new GeneratedQueries(new Queries(seeds.spec(), points, n), new int[n], converged, selection);
    }
}
