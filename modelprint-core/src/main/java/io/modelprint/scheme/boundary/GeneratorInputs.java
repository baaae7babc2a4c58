package io.modelprint.scheme.boundary;

import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.SeedSource;

/** The checks every query generator makes before it starts. */
final class GeneratorInputs {
    private GeneratorInputs() {}

    /** The target's input spec, after checking that {@code n} is positive and the seeds fit the target. */
    static InputSpec check(Differentiable target, SeedSource seeds, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of queries must be > 0, got " + n);
        }
        InputSpec spec = target.inputSpec();
        if (!seeds.spec().compatibleWith(spec)) {
            throw new IllegalArgumentException("seed images are " + seeds.spec() + " but the target takes " + spec);
        }
        return spec;
    }
}
