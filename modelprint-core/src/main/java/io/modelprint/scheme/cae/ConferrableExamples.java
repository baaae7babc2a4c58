package io.modelprint.scheme.cae;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.fleet.FleetMinimum;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.FleetSelectedQueries;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.SeedSource;
import java.util.Arrays;
import java.util.Random;

/**
 * Conferrable adversarial examples (Lukas, Zhang, Kerschbaum, ICLR 2021): targeted adversarial
 * examples of the target that transfer with their class to its surrogates but not to independent
 * references. A pool of {@code pool} x n candidates is moved by {@link ConferrableSearch} on the
 * target, the split's surrogates and its selection references (never its calibration references);
 * each candidate's conferrability is then measured as labels on those models, and the n most
 * conferrable candidates that the target labels with their class become the queries.
 */
public final class ConferrableExamples implements FleetSelectedQueries {
    /** What the search needs of the fleet's selection part; the caller calibrates. */
    public static final FleetMinimum MINIMUM = new FleetMinimum(2, 1, 0, "choose queries",
            "with one surrogate every candidate transfers to all surrogates or to none, and without a reference there is"
                    + " nothing to push the queries away from");

    private final ConferrableSearch search;
    private final float epsilon;
    private final int pool;

    public ConferrableExamples(float epsilon, float learningRate, int steps, int pool, float share) {
        if (pool < 1) {
            throw new IllegalArgumentException("pool must be >= 1, got " + pool);
        }
        this.search = new ConferrableSearch(epsilon, learningRate, steps, share);
        this.epsilon = epsilon;
        this.pool = pool;
    }

    @Override
    public String name() {
        return "cae";
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, FleetSplit split,
            ProgressListener progress) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of queries must be > 0, got " + n);
        }
        InputSpec spec = target.inputSpec();
        if (!seeds.spec().compatibleWith(spec)) {
            throw new IllegalArgumentException("seed images are " + seeds.spec() + " but the target takes " + spec);
        }
        split.requireAtLeast(MINIMUM, name());
        int candidates = Math.multiplyExact(n, pool);
        Random random = new Random(seed);
        try (FleetEnsemble ensemble = FleetEnsemble.open(split, name())) {
            CandidateSeeds start = CandidateSeeds.draw(seeds, candidates, random)
                    .withTargetClasses(target, ensemble, ConferrableSearch.CHUNK);
            float[] moved = search.run(target, ensemble, start, random, progress);
            Conferrability measured = Conferrability.measure(target, ensemble, moved, start.targetClasses(), candidates);
            int[] chosen = measured.mostConferrable(n);
            if (chosen.length < n) {
                throw new InputException(name() + ": the target answers only " + measured.fooledCount() + " of " + candidates
                        + " candidates with the class they were pushed to (epsilon " + epsilon + ", " + search.steps()
                        + " steps); " + n + " are needed: raise --param epsilon, steps or pool, or lower --n");
            }
            return generated(spec, moved, chosen, measured, split, ensemble);
        }
    }

    private GeneratedQueries generated(InputSpec spec, float[] moved, int[] chosen, Conferrability measured, FleetSplit split,
            FleetEnsemble ensemble) {
        int size = spec.pixelsPerImage();
        int n = chosen.length;
        float[] values = new float[Math.multiplyExact(n, size)];
        double[] p1 = new double[n];
        double[] p0 = new double[n];
        for (int q = 0; q < n; q++) {
            System.arraycopy(moved, chosen[q] * size, values, q * size, size);
            p1[q] = measured.surrogateAgreement(chosen[q]);
            p0[q] = measured.referenceAgreement(chosen[q]);
        }
        int[] iterations = new int[n];
        Arrays.fill(iterations, search.steps());
        boolean[] converged = new boolean[n];
        Arrays.fill(converged, true); // each query is one the target answers with its class
        QuerySelection selection = new QuerySelection(split.fleet().sha256(), split.fleet().location(), ensemble.members(), p1, p0);
        return new GeneratedQueries(new Queries(spec, values, n), iterations, converged, selection);
    }
}
