package io.modelprint.scheme.cae;

import io.modelprint.model.Differentiable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The surrogates and selection references each step of a conferrable search differentiates through,
 * drawn for every step before the search starts: an evaluation the engine repeats (a NaN gradient is
 * computed again) uses its step's members again and draws nothing, so a seed always gives the same search.
 */
record StepMembers(List<List<Differentiable>> surrogates, List<List<Differentiable>> references) {

    /** For each of {@code steps} steps, a random {@code share} of the ensemble's surrogates, then of its references. */
    static StepMembers draw(FleetEnsemble ensemble, float share, int steps, Random random) {
        List<List<Differentiable>> surrogates = new ArrayList<>(steps);
        List<List<Differentiable>> references = new ArrayList<>(steps);
        for (int step = 0; step < steps; step++) {
            surrogates.add(FleetEnsemble.sample(ensemble.surrogates(), share, random));
            references.add(FleetEnsemble.sample(ensemble.references(), share, random));
        }
        return new StepMembers(List.copyOf(surrogates), List.copyOf(references));
    }

    List<Differentiable> surrogates(int step) {
        return surrogates.get(step);
    }

    List<Differentiable> references(int step) {
        return references.get(step);
    }
}
