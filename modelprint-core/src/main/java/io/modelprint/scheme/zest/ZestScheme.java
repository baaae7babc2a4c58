package io.modelprint.scheme.zest;

import io.modelprint.scheme.MeanImageCosine;
import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * Zest (Jia et al., ICLR 2022): LIME explanations of reference images compared by cosine, averaged
 * over images; similarity in [-1,1]. --n is the number of reference images; each costs `masks`
 * queries.
 */
public final class ZestScheme implements SchemeFactory {
    public static final double DEFAULT_THRESHOLD = 0.8;
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .n(10, "number of reference images (each costs `masks` queries)")
            .integer("masks", 50, Range.atLeast(2), "random grid masks per reference image")
            .integer("grid", 4, Range.atLeast(1), "the masks' grid: grid x grid segments")
            .integer("maskSeed", 0, Range.ANY, "seed of the masks")
            .build();

    @Override
    public String name() {
        return "zest";
    }

    @Override
    public String summary() {
        return "reference images under random grid masks, LIME weights per image, mean cosine (scores; n x masks queries)";
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
        SegmentMasks masks = SegmentMasks.of(p.integer("masks"), p.integer("grid"), p.integer("maskSeed"));
        int images = p.integer("n");
        return new Scheme<>(name(), new MaskedImages(masks), new LimeWeights(masks), new MeanImageCosine(images), DEFAULT_THRESHOLD, p);
    }
}
