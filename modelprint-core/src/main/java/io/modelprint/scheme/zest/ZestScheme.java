package io.modelprint.scheme.zest;

import io.modelprint.scheme.Access;
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

    @Override
    public String name() {
        return "zest";
    }

    @Override
    public String summary() {
        return "reference images under random grid masks, LIME weights per image, mean cosine (scores; n x masks queries)";
    }

    @Override
    public Access suspectAccess() {
        return Access.SCORES;
    }

    @Override
    public String defaultSplit() {
        return "test";
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        SegmentMasks masks = SegmentMasks.of(p.integer("masks", 50), p.integer("grid", 4), p.integer("maskSeed", 0));
        int images = p.integer("n", 10);
        return new Scheme<>(name(), new MaskedImages(masks), new LimeWeights(masks), new MeanImageCosine(images), DEFAULT_THRESHOLD);
    }
}
