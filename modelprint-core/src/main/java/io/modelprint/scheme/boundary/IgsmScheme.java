package io.modelprint.scheme.boundary;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** Iterated targeted gradient-sign steps within epsilon (paper baseline), labels, matching rate; similarity in [0,1]. */
public final class IgsmScheme implements SchemeFactory {
    private static final ParameterSpec PARAMETERS = Selections.declare(ParameterSpec.builder())
            .real("epsilon", 0.1f, Range.above(0), "radius of the L-infinity ball around the seed")
            .real("alpha", Igsm.DEFAULT_ALPHA, Range.above(0), "step size")
            .integer("maxIter", Igsm.DEFAULT_MAX_ITERATIONS, Range.atLeast(1), "steps at most per point")
            .build();

    @Override
    public String name() {
        return "igsm";
    }

    @Override
    public String summary() {
        return "iterated targeted gradient-sign steps within epsilon (paper baseline), labels, matching rate";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        Igsm generator = new Igsm(p.real("epsilon"), p.real("alpha"), p.integer("maxIter"), Selections.read(p));
        return Scheme.labelMatching(name(), new ChunkedGenerator(generator), p);
    }
}
