package io.modelprint.testing;

import io.modelprint.data.InputSpec;
import java.util.Random;

/** Images of uniform random pixel values, the same for the same seed. */
public final class RandomImages {
    private RandomImages() {}

    /** {@code count} images of {@code spec} with values in [0, 1). */
    public static float[] uniform(int count, InputSpec spec, long seed) {
        return uniform(count, spec, 0f, 1f, seed);
    }

    /** {@code count} images of {@code spec} with values in [from, from + width). */
    public static float[] uniform(int count, InputSpec spec, float from, float width, long seed) {
        Random random = new Random(seed);
        float[] values = new float[count * spec.pixelsPerImage()];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + width * random.nextFloat();
        }
        return values;
    }
}
