package io.modelprint.scheme.weights;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * Weight-space comparison of two model files of one architecture (docs/schemes.md, "weights"): no
 * queries and no data; the fingerprint holds the target's weights, the suspect's are folded,
 * rescaled and permuted onto them by weight matching (Git Re-Basin), and the similarity is the mean
 * per-layer cosine of the aligned weights.
 */
public final class WeightsScheme implements SchemeFactory {
    /** Uncalibrated threshold on the mean layer cosine: see docs/schemes.md for what it was set from. */
    public static final double DEFAULT_THRESHOLD = 0.6;

    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .integer("maxIter", 100, Range.atLeast(1), "weight matching: sweeps over the unit groups at most (it stops"
                    + " earlier when a sweep improves nothing)")
            .flag("rescale", true, "undo positive per-unit rescaling (each hidden unit's incoming weights to unit norm)"
                    + " before matching")
            .build();

    @Override
    public String name() {
        return "weights";
    }

    @Override
    public String summary() {
        return "no queries: the target's weights; the suspect's (a model file of the same architecture) batch norm folded,"
                + " rescaled and permuted onto them by weight matching; mean per-layer cosine (weights)";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        return new Scheme<>(name(), new NoQueries(), new CanonicalWeights(p.flag("rescale")),
                new AlignedLayerCosine(p.integer("maxIter")), DEFAULT_THRESHOLD, p);
    }
}
