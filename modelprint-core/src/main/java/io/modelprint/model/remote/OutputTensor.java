package io.modelprint.model.remote;

/**
 * One output of an inference response, its data flattened in row-major order. Integer data types
 * keep exact values in {@code longs}; floating ones are in {@code floats}.
 */
public record OutputTensor(String name, String datatype, long[] shape, long[] longs, float[] floats) {
    public boolean isInteger() {
        return longs != null;
    }

    public int elementCount() {
        return isInteger() ? longs.length : floats.length;
    }
}
