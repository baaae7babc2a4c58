package io.modelprint.scheme;

import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import java.util.Random;

/**
 * Where queries start from (paper Table 3 rows): images drawn from a data set (T), or uniform
 * random images over the input range (R).
 */
public final class SeedSource {
    private final InputSpec spec;
    private final ImageDataset data;

    private SeedSource(InputSpec spec, ImageDataset data) {
        this.spec = spec;
        this.data = data;
    }

    public static SeedSource fromData(ImageDataset data) {
        return new SeedSource(data.spec(), data);
    }

    public static SeedSource uniform(InputSpec spec) {
        return new SeedSource(spec, null);
    }

    /** The labelled images seeds are drawn from; refused for uniform random seeds. */
    public ImageDataset dataset(String who) {
        if (data == null) {
            throw new io.modelprint.InputException(who + " needs labelled images to start from, not uniform random seeds");
        }
        return data;
    }

    public boolean isData() {
        return data != null;
    }

    public InputSpec spec() {
        return spec;
    }

    public String describe() {
        return data != null ? "data:" + data.name() : "uniform";
    }

    /** {@code n} seed images, flattened [n,C,H,W]; data images are drawn without replacement while they last. */
    public float[] draw(int n, Random random) {
        int size = spec.pixelsPerImage();
        float[] out = new float[n * size];
        if (data == null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = spec.min() + random.nextFloat() * (spec.max() - spec.min());
            }
            return out;
        }
        int[] order = data.shuffledIndices(random);
        for (int i = 0; i < n; i++) {
            data.copyImage(order[i % order.length], out, i * size);
        }
        return out;
    }
}
