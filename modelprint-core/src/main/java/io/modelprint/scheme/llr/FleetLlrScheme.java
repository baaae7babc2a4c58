package io.modelprint.scheme.llr;

import io.modelprint.InputException;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.scheme.Labels;
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
    public static final int MAX_QUERIES = FleetQueryChoice.MAX_QUERIES;
    private static final ParameterSpec PARAMETERS = FleetQueryChoice.declare(ParameterSpec.builder()).build();

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
        return new Scheme<>(NAME, new LikelihoodRatioQueries(FleetQueryChoice.of(p)), new Labels(), new LogLikelihoodRatio(selection),
                DEFAULT_THRESHOLD, p);
    }
}
