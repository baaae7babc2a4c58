package io.modelprint.scheme;

import io.modelprint.data.InputSpec;

/**
 * A model's gradient field on a fingerprint's samples (ModelGiF): for each sample and each point of
 * the path to it, one input-shaped array ({@code pixels} values), flat [samples, steps, pixels].
 * Immutable by contract: callers must not change the array.
 */
public record GradientField(int samples, int steps, int pixels, float[] values) {
    public GradientField {
        if (samples < 0 || steps < 1 || pixels < 1) {
            throw new IllegalArgumentException("a gradient field needs samples >= 0, steps >= 1 and pixels >= 1, got "
                    + samples + ", " + steps + ", " + pixels);
        }
        if (values.length != (long) samples * steps * pixels) {
            throw new IllegalArgumentException(samples + " samples x " + steps + " steps x " + pixels + " values need "
                    + (long) samples * steps * pixels + " values, got " + values.length);
        }
    }

    /** The shape of a field of {@code samples} x {@code steps} in a file: [samples, steps, then one input of {@code spec}'s layout]. */
    public static long[] shape(long samples, long steps, InputSpec spec) {
        long[] image = spec.batchShape(1).getShape();
        long[] shape = image.clone();
        shape[0] = steps;
        long[] out = new long[1 + shape.length];
        out[0] = samples;
        System.arraycopy(shape, 0, out, 1, shape.length);
        return out;
    }

    /** The fields of {@code rows}, in that order. */
    public GradientField select(int[] rows) {
        int block = steps * pixels;
        float[] picked = new float[rows.length * block];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * block, picked, i * block, block);
        }
        return new GradientField(rows.length, steps, pixels, picked);
    }

    /** The first non-finite value's position (sample), or -1 when every value is finite. */
    public int firstNonFiniteSample() {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i / (steps * pixels);
            }
        }
        return -1;
    }
}
