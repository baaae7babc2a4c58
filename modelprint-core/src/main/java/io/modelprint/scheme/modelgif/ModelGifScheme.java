package io.modelprint.scheme.modelgif;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;
import java.util.List;
import java.util.Map;

/**
 * ModelGiF (Song et al., "ModelGiF: Gradient Fields for Model Functional Distance", ICCV 2023): n
 * data samples; a model's gradient field on them (integrated gradients of its top class along the
 * path from a reference point, at every step of the path); the mean cosine of the two fields,
 * [-1, 1]. White-box: the suspect must give input gradients (a model file).
 */
public final class ModelGifScheme implements SchemeFactory {
    public static final double DEFAULT_THRESHOLD = 0.3;
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .n(100, "number of data samples; a suspect answers n x steps input gradients")
            .integer("steps", 20, Range.atLeast(1).atMost(200), "points on the path from the reference to each sample"
                    + " (Gauss-Legendre nodes)")
            .choice("reference", "mean", List.of("mean", "black"), Map.of(), "where paths start: each channel's mean over the"
                    + " samples, or the input range's minimum")
            .build();

    @Override
    public String name() {
        return "modelgif";
    }

    @Override
    public String summary() {
        return "data samples, each model's integrated-gradient field along the path from a reference to each,"
                + " mean cosine of the fields (gradients)";
    }

    @Override
    public String defaultSplit() {
        return "test";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        GradientFields fields = new GradientFields(PathQuadrature.gaussLegendre(p.integer("steps")),
                ReferencePoint.of(p.text("reference")));
        return new Scheme<>(name(), new FieldSamples(), fields, new MeanFieldCosine(), DEFAULT_THRESHOLD, p);
    }
}
