package io.modelprint.scheme.llr;

import io.modelprint.InputException;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.Parameter;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * fleet-llr: label queries the owner's fleet chose (the target's mistakes, PGD-pushed and CutMix
 * candidates that surrogates answer as the target does and references do not), scored by the mean
 * log-likelihood ratio of a suspect's agreements (docs/schemes.md). Its fingerprint records the
 * fleet's rates, without which it compares nothing.
 */
public final class FleetLlrScheme implements SchemeFactory {
    public static final String NAME = "fleet-llr";
    /** Uncalibrated, a suspect is "derived" when it answers more like the surrogates than like the references. */
    public static final double DEFAULT_THRESHOLD = 0;
    public static final int MAX_QUERIES = 200;
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .integer(ParameterSpec.N, 100, Parameter.Range.atLeast(1).atMost(MAX_QUERIES), "number of queries (label-only)")
            .integer("pool", 600, Parameter.Range.atLeast(2).atMost(100_000),
                    "candidates the fleet answers (at least 2 x n): a third mistakes, a third PGD-pushed, CutMix for the rest")
            .real("eps", 4f / 256, Parameter.Range.atLeast(0).atMost(1),
                    "L-inf radius of the PGD step that pushes images off their label on the target; 0: no PGD candidates,"
                            + " and the target's gradients are not needed")
            .real("shrink", 2f, Parameter.Range.above(0).atMost(1000),
                    "pseudo models pulling each query's surrogate and reference rates toward the pool's rates")
            .real("plain", 0.5f, Parameter.Range.atLeast(0).atMost(1),
                    "share of n taken from the target's mistakes in seeded order (those the fleet does not contradict)")
            .real("maxShare", 0.5f, Parameter.Range.above(0).atMost(1),
                    "most of n that one candidate source (mistake, pgd, cutmix) may fill by rank")
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "fleet-chosen mistakes, PGD and CutMix inputs, labels, mean log-likelihood ratio surrogate vs reference (label-only;"
                + " needs --fleet)";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public String defaultSplit() {
        return "test";
    }

    /** The scheme that chooses queries with a fleet; until it has, it compares nothing. */
    @Override
    public Scheme<?> create(SchemeParameters p) {
        return scheme(p, null);
    }

    @Override
    public Scheme<?> create(SchemeParameters p, QuerySelection selection) {
        if (selection == null) {
            throw new InputException(NAME + ": the fingerprint records no fleet selection (meta.json 'selection'): its queries"
                    + " are weighed by the rates the fleet that chose them measured; make it again with extract --fleet DIR");
        }
        return scheme(p, selection);
    }

    private Scheme<?> scheme(SchemeParameters p, QuerySelection selection) {
        LikelihoodRatioQueries queries = new LikelihoodRatioQueries(p.integer("pool"), p.real("eps"), p.real("shrink"),
                p.real("plain"), p.real("maxShare"));
        return new Scheme<>(NAME, queries, new Labels(), new LogLikelihoodRatio(selection), DEFAULT_THRESHOLD, p);
    }
}
