package io.modelprint.scheme.zest;

import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Arrays;
import java.util.Random;

/**
 * Zest's queries: n reference images, each under every mask (masked cells set to the range's
 * minimum, black for [0,1] images). Query i * masks + j is image i under mask j, so n reference
 * images cost n x masks queries.
 */
public final class MaskedImages implements QueryGenerator {
    private final SegmentMasks masks;

    public MaskedImages(SegmentMasks masks) {
        this.masks = masks;
    }

    @Override
    public String name() {
        return "masked-images";
    }

    @Override
    public Access targetAccess() {
        return Access.LABELS;
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of reference images must be > 0, got " + n);
        }
        InputSpec spec = seeds.spec();
        int size = spec.pixelsPerImage();
        int h = spec.height();
        int w = spec.width();
        float[] images = seeds.draw(n, new Random(seed));
        int total = n * masks.count();
        float[] values = new float[total * size];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < masks.count(); j++) {
                int at = (i * masks.count() + j) * size;
                System.arraycopy(images, i * size, values, at, size);
                boolean[] kept = masks.kept()[j];
                for (int c = 0; c < spec.channels(); c++) {
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            if (!kept[masks.segment(y, x, h, w)]) {
                                values[at + c * h * w + y * w + x] = spec.min();
                            }
                        }
                    }
                }
            }
        }
        progress.update(n, n, "masked images");
        boolean[] converged = new boolean[total];
        Arrays.fill(converged, true);
        return new GeneratedQueries(new Queries(spec, values, total), new int[total], converged);
    }
}
