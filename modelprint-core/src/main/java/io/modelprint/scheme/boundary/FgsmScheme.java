package io.modelprint.scheme.boundary;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** One targeted gradient-sign step of size epsilon (paper baseline), labels, matching rate; similarity in [0,1]. */
public final class FgsmScheme implements SchemeFactory {
    private static final ParameterSpec PARAMETERS = Selections.declare(ParameterSpec.builder())
            .real("epsilon", 0.1f, Range.above(0), "step size (L-infinity)")
            .recordedOnly("alpha", "maxIter")
            .build();

    @Override
    public String name() {
        return "fgsm";
    }

    @Override
    public String summary() {
        return "one targeted gradient-sign step of size epsilon (paper baseline), labels, matching rate";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        return Scheme.labelMatching(name(), new ChunkedGenerator(new Fgsm(p.real("epsilon"), Selections.read(p))), p);
    }
}
