package io.modelprint.data;

import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;

/**
 * What a model takes in: one image of {@code channels x height x width} float32 values in
 * {@code [min, max]}. {@code mean}/{@code std} describe a normalization the caller applies before
 * the model (empty when the model normalizes inside, the default for models modelprint trains).
 * {@code channelsLast} says the model wants [N,H,W,C] instead of [N,C,H,W].
 */
public record InputSpec(
        int channels, int height, int width, float min, float max, float[] mean, float[] std, boolean channelsLast) {
    /**
     * The width of the input range, max - min: what the attacks' step sizes and radii are fractions of, so that
     * a setting means the same on a [0,1] model and a [0,255] one.
     */
    public float span() {
        return max - min;
    }

    /** Appended to a message refusing a model whose input does not fit: how the user tells modelprint what it takes. */
    public static final String SHAPE_HINT = "(describe the model's input with --input-shape C,H,W, and --resize if the size differs)";

    public InputSpec {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("input shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        if (!(min < max)) {
            throw new IllegalArgumentException("input range must have min < max, got [" + min + ", " + max + "]");
        }
        mean = mean == null ? new float[0] : mean.clone();
        std = std == null ? new float[0] : std.clone();
    }

    /** [C,H,W] images with values in [0,1], normalization inside the model. */
    public static InputSpec unitRange(int channels, int height, int width) {
        return new InputSpec(channels, height, width, 0f, 1f, new float[0], new float[0], false);
    }

    public static InputSpec fashionMnist() {
        return unitRange(1, 28, 28);
    }

    /**
     * The same images before the model's normalization and layout: [C,H,W] values in [min, max], no mean/std,
     * channels first (the space queries are made and clipped in).
     */
    @JsonIgnore
    public InputSpec pixelSpace() {
        return new InputSpec(channels, height, width, min, max, new float[0], new float[0], false);
    }

    @JsonIgnore
    public int pixelsPerImage() {
        return channels * height * width;
    }

    /** Shape of a batch of {@code n} images in this spec's layout. */
    public Shape batchShape(long n) {
        return channelsLast ? new Shape(n, height, width, channels) : new Shape(n, channels, height, width);
    }

    public String describeShape() {
        return channels + "x" + height + "x" + width;
    }

    /** Same shape, layout and value range: a query made for one is valid as is for the other. */
    public boolean compatibleWith(InputSpec other) {
        return channels == other.channels && height == other.height && width == other.width
                && min == other.min && max == other.max && channelsLast == other.channelsLast
                && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
    }

    @Override
    public String toString() {
        return describeShape() + " in [" + min + "," + max + "]" + (channelsLast ? " channels-last" : "")
                + (mean.length > 0 ? " mean=" + Arrays.toString(mean) + " std=" + Arrays.toString(std) : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputSpec other && compatibleWith(other);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(channels, height, width, min, max, Arrays.hashCode(mean), Arrays.hashCode(std), channelsLast);
    }
}
