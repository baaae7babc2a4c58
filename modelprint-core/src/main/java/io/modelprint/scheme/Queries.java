package io.modelprint.scheme;

import io.modelprint.data.InputSpec;

/**
 * Inputs of a fingerprint: {@code count} images of {@code spec}, flattened [n,C,H,W] float32.
 * Immutable by contract: callers must not change the array.
 */
public record Queries(InputSpec spec, float[] values, int count) {
    public Queries {
        if (values.length != (long) count * spec.pixelsPerImage()) {
            throw new IllegalArgumentException(count + " queries of " + spec.describeShape() + " need "
                    + (long) count * spec.pixelsPerImage() + " values, got " + values.length);
        }
    }
}
