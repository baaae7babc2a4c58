package io.modelprint.scheme.metav;

import io.modelprint.ProgressListener;
import io.modelprint.fleet.FleetMinimum;
import io.modelprint.fleet.LearnedVerifier;
import io.modelprint.fleet.VerifierFeatures;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.llr.ChosenLabelQueries;
import io.modelprint.scheme.llr.FleetQueryChoice;

/**
 * metav's queries and verifier: the fleet's choice of queries ({@link FleetQueryChoice}, as
 * fleet-llr's), then a verifier learned from how the same selection models answered them
 * ({@link VerifierTraining}). The queries carry the selection with the verifier's weights in it; the
 * references held out of the split never see either.
 */
public final class MetaVerifierQueries extends ChosenLabelQueries {
    /** Held-out references a Student-t p-value as small as 0.01 needs (4 per decade below 1). */
    public static final int MIN_CALIBRATION_REFERENCES = 8;
    /** What the classifier needs to learn from (docs/schemes.md, "metav", measures it). */
    public static final FleetMinimum MINIMUM = new FleetMinimum(3, 3, MIN_CALIBRATION_REFERENCES, "learn from",
            "with fewer examples of a class the verifier learns the quirks of one or two models rather than what sets copies"
                    + " apart, and p-values down to 0.01 need " + MIN_CALIBRATION_REFERENCES + " held-out references");

    private final VerifierTraining training;

    public MetaVerifierQueries(FleetQueryChoice choice, double l2, VerifierFeatures features) {
        super(choice);
        this.training = new VerifierTraining(l2, features);
    }

    @Override
    public String name() {
        return MetaVerifierScheme.NAME;
    }

    @Override
    protected FleetMinimum minimum() {
        return MINIMUM;
    }

    @Override
    protected GeneratedQueries record(FleetQueryChoice.Chosen chosen, Differentiable target, ProgressListener progress) {
        LearnedVerifier verifier = training.learn(chosen.targetLabels(), chosen.surrogates(), chosen.references(),
                target.numClasses());
        int n = chosen.targetLabels().length;
        progress.update(n, n, "verifier learned from " + chosen.surrogates().members().size() + " surrogates and "
                + chosen.references().members().size() + " references");
        return chosen.generated(chosen.selection().withVerifier(verifier));
    }
}
