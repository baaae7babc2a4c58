package io.modelprint.scheme;

import io.modelprint.ProgressListener;
import io.modelprint.model.Differentiable;

/** Makes the queries of a fingerprint from a white-box target (IPGuard, FGSM, CW-L2, ...). */
public interface QueryGenerator {
    /** Short name as written in fingerprint files and on the command line, e.g. "ipguard". */
    String name();

    /** What making the queries needs of the target (most generators follow its input gradients). */
    default Access targetAccess() {
        return Access.GRADIENTS;
    }

    /** Whether the queries start from seeds (data images or noise); false for a scheme that asks no queries. */
    default boolean usesSeeds() {
        return true;
    }

    GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress);
}
