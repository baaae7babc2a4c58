package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.verify.CombinedVerdict;
import io.modelprint.verify.Verifier;
import picocli.CommandLine.Option;

/** {@code --threshold} and {@code --alpha}: when a similarity, or a bundle's combined p-value, says "derived". */
final class VerdictOptions {
    @Option(names = "--threshold", description = "one similarity threshold for every scheme (default: each scheme's own; "
            + Verifier.DEFAULT_THRESHOLD + " for matching rates; docs/schemes.md)")
    Double threshold;

    @Option(names = "--alpha", defaultValue = "" + CombinedVerdict.DEFAULT_ALPHA,
            description = "bundles with every scheme calibrated: derived when the combined (Bonferroni) p-value is at most"
                    + " alpha (default ${DEFAULT-VALUE}); uncalibrated bundles take the majority of their schemes")
    double alpha;

    void validateThreshold() {
        if (threshold != null && !(threshold >= -1 && threshold <= 1)) {
            throw new InputException("--threshold must be in [-1,1], got " + threshold);
        }
    }

    void validateAlpha() {
        if (!(alpha > 0 && alpha < 1)) {
            throw new InputException("--alpha must be in (0,1), got " + alpha);
        }
    }
}
