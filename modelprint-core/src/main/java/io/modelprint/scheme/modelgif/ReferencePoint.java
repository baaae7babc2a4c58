package io.modelprint.scheme.modelgif;

import io.modelprint.data.InputSpec;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where each path to a sample starts. {@code MEAN}: every pixel of a channel at that channel's mean
 * over the samples (ModelGiF's code starts at 0 after normalizing by the data set's channel means,
 * i.e. at those means); {@code BLACK}: every pixel at the input range's minimum.
 */
public enum ReferencePoint {
    MEAN,
    BLACK;

    /** The reference a parameter value names (the scheme's declared choices, "mean" or "black"). */
    public static ReferencePoint of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The one reference image, flat in {@code spec}'s layout, that paths to these {@code count} samples start from. */
    public float[] image(InputSpec spec, float[] samples, int count) {
        int size = spec.pixelsPerImage();
        float[] image = new float[size];
        if (this == BLACK) {
            Arrays.fill(image, spec.min());
            return image;
        }
        int channels = spec.channels();
        double[] sums = new double[channels];
        for (int i = 0; i < count * size; i++) {
            sums[channel(spec, i % size)] += samples[i];
        }
        double perChannel = (double) count * size / channels;
        for (int p = 0; p < size; p++) {
            image[p] = (float) (sums[channel(spec, p)] / perChannel);
        }
        return image;
    }

    private static int channel(InputSpec spec, int pixel) {
        return spec.channelsLast() ? pixel % spec.channels() : pixel / (spec.height() * spec.width());
    }
}
