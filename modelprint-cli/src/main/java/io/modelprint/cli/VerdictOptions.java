package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SimilarityRange;
import io.modelprint.verify.CombinedVerdict;
import io.modelprint.verify.Verifier;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --threshold} and {@code --alpha}: when a p-value, a similarity, or a bundle's combined p-value says "derived". */
final class VerdictOptions {
    @Option(names = "--threshold", description = "decide by this similarity threshold for every scheme, even a calibrated one"
            + " (default: the p-value where calibrated, else each scheme's default threshold; " + Verifier.DEFAULT_THRESHOLD
            + " for matching rates; docs/schemes.md)")
    Double threshold;

    @Option(names = "--alpha", defaultValue = "" + CombinedVerdict.DEFAULT_ALPHA,
            description = "calibrated fingerprints: derived when the p-value is at most alpha (bundles with every scheme"
                    + " calibrated: the combined Bonferroni p-value; default ${DEFAULT-VALUE}); uncalibrated ones follow the"
                    + " scheme's default threshold and say so (bundles: the majority of their schemes)")
    double alpha;

    void validateThreshold() {
        if (threshold != null && !(threshold >= -1 && threshold <= 1)) {
            throw new InputException("--threshold must be in [-1,1], got " + threshold);
        }
    }

    /** A threshold outside a scheme's similarity range (a matching rate's [0,1]) would judge every suspect alike. */
    void validateThresholdFits(List<Scheme<?>> schemes) {
        if (threshold == null) {
            return;
        }
        for (Scheme<?> scheme : schemes) {
            SimilarityRange range = scheme.distance().range();
            if (!range.contains(threshold)) {
                throw new InputException("--threshold " + threshold + " is outside the similarity range " + range + " of scheme "
                        + scheme.name() + " (" + scheme.distance().name() + ")");
            }
        }
    }

    void validateAlpha() {
        requireAlpha(alpha);
    }

    /** Refuses an {@code --alpha} outside (0,1), for any command that takes one. */
    static void requireAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new InputException("--alpha must be in (0,1), got " + alpha);
        }
    }
}
