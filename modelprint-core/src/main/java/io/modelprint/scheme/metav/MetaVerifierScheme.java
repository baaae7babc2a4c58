package io.modelprint.scheme.metav;

import io.modelprint.InputException;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.fleet.VerifierFeatures;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.Parameter;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.scheme.llr.FleetQueryChoice;
import java.util.List;
import java.util.Map;

/**
 * metav: a classifier-based verifier of MetaV's family (Pan et al., KDD 2022), label-only. The owner's
 * fleet chooses the queries as for fleet-llr; an L2-regularised logistic regression learned from the
 * selection models' agreements with the target on them scores a suspect by its log-odds of being
 * derived (docs/schemes.md says where this differs from MetaV). The fingerprint records the weights,
 * without which it compares nothing.
 */
public final class MetaVerifierScheme implements SchemeFactory {
    public static final String NAME = "metav";
    /** Uncalibrated, a suspect is "derived" when the verifier finds it more likely than not. */
    public static final double DEFAULT_THRESHOLD = 0;
    /** Chosen on tiny linear worlds of other seeds than those docs/schemes.md reports (it changed AUC by < 0.01 over 0.001-1). */
    public static final float DEFAULT_L2 = 0.01f;
    private static final ParameterSpec PARAMETERS = FleetQueryChoice.declare(ParameterSpec.builder())
            .real("l2", DEFAULT_L2, Parameter.Range.atLeast(1e-4).atMost(1e4),
                    "ridge penalty on the verifier's weights, per query (the penalty on the squared norm is l2 x n)")
            .choice("features", VerifierFeatures.AGREEMENT.label(), List.of("agreement", "answers"), Map.of(),
                    "what the verifier sees of a suspect: agreement with the target per query, or its one-hot answers")
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "fleet-chosen mistakes, PGD and CutMix inputs, labels, log-odds of a logistic verifier learned from the fleet"
                + " (label-only; needs --fleet)";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public String defaultSplit() {
        return "test";
    }

    /** The scheme that learns its verifier with a fleet; until it has, it compares nothing. */
    @Override
    public Scheme<?> create(SchemeParameters p) {
        return scheme(p, null);
    }

    @Override
    public Scheme<?> create(SchemeParameters p, QuerySelection selection) {
        if (selection == null || selection.verifier() == null) {
            throw new InputException(NAME + ": the fingerprint records no learned verifier (meta.json 'selection.verifier'):"
                    + " its suspects are scored by the weights the fleet taught; make it again with extract --fleet DIR");
        }
        return scheme(p, selection);
    }

    private Scheme<?> scheme(SchemeParameters p, QuerySelection selection) {
        return new Scheme<>(NAME, new MetaVerifierQueries(FleetQueryChoice.of(p), p.real("l2"),
                VerifierFeatures.parse(p.text("features"))), new Labels(),
                new VerifierLogOdds(selection), DEFAULT_THRESHOLD, p);
    }
}
