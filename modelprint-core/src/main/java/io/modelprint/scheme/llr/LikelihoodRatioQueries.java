package io.modelprint.scheme.llr;

import io.modelprint.ProgressListener;
import io.modelprint.fleet.FleetMinimum;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;

/**
 * fleet-llr's queries: the fleet's choice ({@link FleetQueryChoice}), carrying the selection that
 * records the fleet, the models that chose, and per query the rates p1 and p0 the score weighs by.
 */
public final class LikelihoodRatioQueries extends ChosenLabelQueries {
    /** Held-out references a Student-t p-value as small as 0.01 needs (4 per decade below 1). */
    public static final int MIN_CALIBRATION_REFERENCES = 8;
    /** Below 3 surrogates and 2 references a rate is a guess. */
    public static final FleetMinimum MINIMUM = new FleetMinimum(3, 2, MIN_CALIBRATION_REFERENCES, "choose queries",
            "fewer cannot estimate an agreement rate (one model agrees or does not), and p-values down to 0.01 need "
                    + MIN_CALIBRATION_REFERENCES + " held-out references");

    public LikelihoodRatioQueries(FleetQueryChoice choice) {
        super(choice);
    }

    @Override
    public String name() {
        return FleetLlrScheme.NAME;
    }

    @Override
    protected FleetMinimum minimum() {
        return MINIMUM;
    }

    @Override
    protected GeneratedQueries record(FleetQueryChoice.Chosen chosen, Differentiable target, ProgressListener progress) {
        return chosen.generated(chosen.selection());
    }
}
