package io.modelprint.scheme.boundary;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** CW-L2 (Carlini and Wagner) with confidence k (paper baseline), labels, matching rate; similarity in [0,1]. */
public final class CwL2Scheme implements SchemeFactory {
    private static final ParameterSpec PARAMETERS = Selections.declare(ParameterSpec.builder())
            .real("k", 3f, Range.atLeast(0), "confidence: the target label leads by at least k logits")
            .real("lr", 0.05f, Range.above(0), "Adam learning rate")
            .integer("binarySteps", 3, Range.atLeast(1), "binary-search steps over the constant c")
            .integer("maxIter", 150, Range.atLeast(1), "Adam steps per binary-search step")
            .real("initialConst", 1f, Range.above(0), "first value of the constant c")
            .build();

    @Override
    public String name() {
        return "cw-l2";
    }

    @Override
    public String summary() {
        return "Carlini-Wagner L2 adversarial points with confidence k (paper baseline), labels, matching rate";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        CwL2 generator = new CwL2(p.real("k"), p.real("lr"), p.integer("binarySteps"), p.integer("maxIter"),
                p.real("initialConst"), Selections.read(p));
        return Scheme.labelMatching(name(), new ChunkedGenerator(generator), p);
    }
}
