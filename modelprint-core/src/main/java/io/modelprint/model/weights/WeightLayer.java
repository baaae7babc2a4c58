package io.modelprint.model.weights;

import java.util.Arrays;

/**
 * One layer with weights: a linear layer [out, in] or a convolution [out, in, kh, kw] (row-major), its
 * bias (null: none), the batch norm applied to its outputs (null: none), and the unit groups it
 * reads ({@code input}) and writes ({@code output}). A linear layer that reads a flattened
 * convolution output reads each channel's spatial positions as consecutive inputs (channel-major).
 */
public record WeightLayer(String name, String input, String output, long[] shape, float[] weight, float[] bias,
        NormParameters norm) {
    public WeightLayer {
        if (name == null || name.isBlank() || input == null || output == null || shape == null || weight == null) {
            throw new IllegalArgumentException("a layer needs a name, its input and output groups, a shape and a weight");
        }
        if (shape.length != 2 && shape.length != 4) {
            throw new IllegalArgumentException(name + ": weight shape " + Arrays.toString(shape)
                    + " is neither [out, in] nor [out, in, kh, kw]");
        }
        long size = 1;
        for (long d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(name + ": weight shape " + Arrays.toString(shape) + " has an empty axis");
            }
            size = Math.multiplyExact(size, d);
        }
        if (weight.length != size) {
            throw new IllegalArgumentException(name + ": weight shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + weight.length);
        }
        if (bias != null && bias.length != shape[0]) {
            throw new IllegalArgumentException(name + ": " + shape[0] + " outputs but a bias of " + bias.length);
        }
        if (norm != null && norm.units() != shape[0]) {
            throw new IllegalArgumentException(name + ": " + shape[0] + " outputs but a batch norm of " + norm.units());
        }
        requireFinite(name + " weight", weight);
        if (bias != null) {
            requireFinite(name + " bias", bias);
        }
        if (norm != null) {
            requireFinite(name + " batch norm", norm.stacked());
        }
    }

    public int outputs() {
        return (int) shape[0];
    }

    /** Inputs per output unit as the weight lays them out: in, or in x kh x kw. */
    public int fanIn() {
        return weight.length / outputs();
    }

    /** The second axis: input features (linear) or input channels (convolution). */
    public int inputs() {
        return (int) shape[1];
    }

    public boolean isConvolution() {
        return shape.length == 4;
    }

    public LayerSpec spec() {
        return new LayerSpec(name, input, output, shape.clone(), bias != null, norm == null ? null : norm.epsilon());
    }

    private static void requireFinite(String what, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " holds a non-finite value (" + values[i] + ") at " + i);
            }
        }
    }
}
