package io.modelprint.scheme.boundary;

import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.SchemeParameters;
import java.util.List;
import java.util.Map;

/** The paper's T/R x L/R combination as two declared parameters, "init" and "label", shared by the boundary schemes. */
final class Selections {
    private Selections() {}

    /** {@code builder} with n (default 100) and the combination's two parameters. */
    static ParameterSpec.Builder declare(ParameterSpec.Builder builder) {
        return declareInit(builder)
                .choice("label", "least-likely", List.of("least-likely", "random"), Map.of("l", "least-likely", "r", "random"),
                        "the target label a seed is moved towards: least likely (L) or random (R)")
                .recordedOnly("combo");
    }

    /** {@code builder} with n (default 100) and where seeds come from, for a generator that chooses no target label. */
    static ParameterSpec.Builder declareInit(ParameterSpec.Builder builder) {
        return builder.n(100, "number of queries")
                .choice("init", "data", List.of("data", "random"), Map.of("t", "data", "r", "random"),
                        "where seeds come from: training/test images (T) or uniform noise (R)");
    }

    static SeedSelection read(SchemeParameters parameters) {
        return new SeedSelection(SeedSelection.Init.parse(parameters.text("init")),
                SeedSelection.TargetLabel.parse(parameters.text("label")));
    }
}
