package io.modelprint.scheme.boundary;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** Seed images as they are (paper baseline), labels, matching rate; similarity in [0,1]. */
public final class RandomScheme implements SchemeFactory {
    private static final ParameterSpec PARAMETERS = Selections.declare(ParameterSpec.builder()).build();

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String summary() {
        return "seed images as they are (paper baseline), labels, matching rate";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        return Scheme.labelMatching(name(), new RandomPoints(Selections.read(p)), p);
    }
}
