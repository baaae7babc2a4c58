package io.modelprint.lab.report;

import io.modelprint.lab.eval.VerdictResult;
import java.util.List;

/** The calibrated verdicts of a bench run and the fleet they were made with. */
public record FleetVerdicts(FleetSummary fleet, List<VerdictResult> results) {
    public FleetVerdicts {
        results = List.copyOf(results);
    }
}
