package io.modelprint.scheme.uap;

import io.modelprint.scheme.MeanImageCosine;
import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * UAP fingerprinting (Peng et al., CVPR 2022), simplified: data points and the same points under the
 * target's universal adversarial perturbation; the representation is how the perturbation shifts a
 * model's scores per point, compared by cosine and averaged over points; similarity in [-1,1]. The
 * paper compares the outputs with a contrastively trained encoder instead (docs/schemes.md).
 */
public final class UapScheme implements SchemeFactory {
    public static final double DEFAULT_THRESHOLD = 0.9;
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .n(100, "number of queries: an even number, data points and their perturbed versions in pairs")
            .real("epsilon", 0.2f, Range.above(0), "L-infinity radius of the universal perturbation")
            .real("foolingRate", 0.8f, Range.above(0).atMost(1), "stop once the perturbation fools this share of the points")
            .integer("maxIter", 100, Range.atLeast(1), "sign steps at most (step size 2.5 epsilon / maxIter)")
            .build();

    @Override
    public String name() {
        return "uap";
    }

    @Override
    public String summary() {
        return "data points and their versions under the target's universal adversarial perturbation, score shifts,"
                + " mean cosine per point (scores)";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        UniversalPerturbation uap = new UniversalPerturbation(p.real("epsilon"), p.real("foolingRate"), p.integer("maxIter"));
        return new Scheme<>(name(), new UapQueries(uap), new ScoreShifts(), new MeanImageCosine(Math.max(1, p.integer("n") / 2)),
                DEFAULT_THRESHOLD, p);
    }
}
