package io.modelprint.scheme;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.model.Differentiable;

/**
 * Queries chosen with the owner's fleet: by how the selection half of a {@link FleetSplit} answers
 * candidates compared with the target. The generated queries carry their {@code selection}.
 */
public interface FleetSelectedQueries extends QueryGenerator {
    GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, FleetSplit fleet, ProgressListener progress);

    @Override
    default GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        throw new InputException(name() + " chooses its queries with the owner's fleet: give --fleet DIR (made by fleet build)");
    }
}
