package io.modelprint.scheme.modeldiff;

import io.modelprint.scheme.Cosine;
import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * ModelDiff (Li et al., ISSTA 2021): seed/adversarial pairs made on the target; decision distance
 * vectors; cosine of the two vectors, in [-1,1] (in practice [0,1]).
 */
public final class ModelDiffScheme implements SchemeFactory {
    public static final double DEFAULT_THRESHOLD = 0.85;
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .n(100, "number of queries: an even number, seed and adversarial input in pairs")
            .real("epsilon", 0.05f, Range.above(0), "radius of the targeted PGD's L-infinity ball")
            .integer("steps", 50, Range.atLeast(1), "PGD steps (step size 2.5 epsilon / steps)")
            .recordedOnly("alpha")
            .build();

    @Override
    public String name() {
        return "modeldiff";
    }

    @Override
    public String summary() {
        return "seed images paired with targeted PGD inputs, decision distance vector, cosine (scores)";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public String defaultSplit() {
        return "test";
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        return new Scheme<>(name(), new AdversarialPairs(p.real("epsilon"), p.integer("steps")),
                new DecisionDistanceVector(), new Cosine(), DEFAULT_THRESHOLD, p);
    }
}
