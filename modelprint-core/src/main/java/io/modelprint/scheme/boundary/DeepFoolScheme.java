package io.modelprint.scheme.boundary;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * DeepFool points (the map's "DeepFool approach" baseline): each seed moved by DeepFool's minimal
 * perturbation just past the target's nearest boundary; labels, matching rate; similarity in [0,1].
 */
public final class DeepFoolScheme implements SchemeFactory {
    /**
     * Below the boundary family's 0.5: points just past the boundary keep a fine-tuned copy's labels
     * less often (docs/schemes.md: 0.38 for one copy of the small VGG, 0.13 for an independent one).
     */
    public static final double DEFAULT_THRESHOLD = 0.3;
    private static final ParameterSpec PARAMETERS = Selections.declareInit(ParameterSpec.builder())
            .real("overshoot", 0.02f, Range.atLeast(0), "each step is (1 + overshoot) x the linearised step to the boundary")
            .integer("maxIter", 50, Range.atLeast(1), "DeepFool steps at most per point")
            .integer("candidates", 10, Range.atLeast(2), "classes considered per point: the seed's most likely ones")
            .build();

    @Override
    public String name() {
        return "deepfool";
    }

    @Override
    public String summary() {
        return "DeepFool's minimal perturbations just past the target's nearest boundary, labels, matching rate";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        DeepFool generator = new DeepFool(p.real("overshoot"), p.integer("maxIter"), p.integer("candidates"));
        return Scheme.labelMatching(name(), new ChunkedGenerator(generator), DEFAULT_THRESHOLD, p);
    }
}
