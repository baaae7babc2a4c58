package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.scheme.Scheme;

/** extract's --min-converged: a boundary fingerprint whose points mostly did not converge is refused, saying what to change. */
final class ConvergedQueries {
    private ConvergedQueries() {}

    static void require(double minConverged, Scheme<?> scheme, FingerprintExtractor.Result result) {
        var generated = result.generated();
        int total = generated.converged().length;
        // for label matching an unconverged point is a near-raw image that independent models label alike
        if (scheme.distance().needsConvergedQueries() && generated.convergedCount() < minConverged * total) {
            var meta = result.fingerprint().meta();
            // the least likely of hundreds of classes sits far from any boundary (ResNet-18, 1000 classes: 0 of 4 in 100 steps)
            String label = meta.numClasses() >= 100 && "least-likely".equals(meta.parameters().get("label"))
                    ? ", --label random (the least likely of " + meta.numClasses() + " classes is far from the seed)" : "";
            throw new InputException(String.format("only %d of %d queries met the %s rule (--min-converged %.2f): such a"
                    + " fingerprint could accuse an independent model; raise --max-iter, lower --k%s, or pass --min-converged 0"
                    + " to keep it anyway; nothing was written", generated.convergedCount(), total, scheme.name(), minConverged, label));
        }
        if (generated.convergedCount() < total) {
            System.err.printf("extract: warning: %d of %d queries did not meet the %s rule%n", total - generated.convergedCount(),
                    total, scheme.name());
        }
    }
}
