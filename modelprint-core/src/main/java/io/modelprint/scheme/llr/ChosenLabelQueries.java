package io.modelprint.scheme.llr;

import io.modelprint.ProgressListener;
import io.modelprint.fleet.FleetMinimum;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.FleetSelectedQueries;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.SeedSource;

/**
 * Label queries the fleet chooses with {@link FleetQueryChoice}, for a scheme that then makes what it
 * records of the choice ({@link #record}): the split is checked against the scheme's
 * {@link #minimum()} first, so a fleet too small is refused before any model is asked.
 */
public abstract class ChosenLabelQueries implements FleetSelectedQueries {
    private final FleetQueryChoice choice;

    protected ChosenLabelQueries(FleetQueryChoice choice) {
        this.choice = choice;
    }

    /** The fleet the scheme needs, at the least. */
    protected abstract FleetMinimum minimum();

    /** The generated queries, carrying what the scheme records of {@code chosen}. */
    protected abstract GeneratedQueries record(FleetQueryChoice.Chosen chosen, Differentiable target, ProgressListener progress);

    /** Gradients only for the PGD candidates; with eps 0 the target's labels suffice. */
    @Override
    public final Access targetAccess() {
        return choice.targetAccess();
    }

    @Override
    public final GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, FleetSplit fleet,
            ProgressListener progress) {
        fleet.requireAtLeast(minimum(), name());
        return record(choice.choose(name(), target, seeds, n, seed, fleet, progress), target, progress);
    }
}
