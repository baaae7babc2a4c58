package io.modelprint.scheme.llr;

import io.modelprint.data.InputSpec;

/**
 * The fleet-llr candidate pool: {@code count} flattened images of {@code spec}, where each came from
 * and the label the target gives it (the label a fingerprint would record).
 */
record Candidates(InputSpec spec, float[] values, int count, CandidateSource[] sources, long[] targetLabels) {
    Candidates {
        if (values.length != (long) count * spec.pixelsPerImage() || sources.length != count || targetLabels.length != count) {
            throw new IllegalArgumentException("a pool of " + count + " candidates with " + values.length + " values, "
                    + sources.length + " sources and " + targetLabels.length + " labels");
        }
    }

    /** How many candidates came from {@code source}. */
    int from(CandidateSource source) {
        int n = 0;
        for (CandidateSource s : sources) {
            n += s == source ? 1 : 0;
        }
        return n;
    }

    /** The images at {@code rows}, in that order. */
    float[] images(int[] rows) {
        int size = spec.pixelsPerImage();
        float[] out = new float[rows.length * size];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * size, out, i * size, size);
        }
        return out;
    }
}
