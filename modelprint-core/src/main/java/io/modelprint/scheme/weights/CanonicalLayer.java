package io.modelprint.scheme.weights;

/**
 * A layer as weight matching compares it: batch norm folded in, so an affine map whose weight is laid
 * out [out][in][rest] (rest: the kernel, and for a linear layer reading a flattened convolution the
 * spatial positions of each channel times the kernel) and whose bias has one entry per output (zeros
 * where the layer had none). {@code in} counts the units of the group it reads.
 */
record CanonicalLayer(String name, String input, String output, int out, int in, int rest, float[] weight, float[] bias) {
    CanonicalLayer {
        if (weight.length != (long) out * in * rest || bias.length != out) {
            throw new IllegalArgumentException(name + ": " + out + " x " + in + " x " + rest + " weights and " + out
                    + " biases expected, got " + weight.length + " and " + bias.length);
        }
    }

    /** Weight of output {@code o}, input unit {@code c}, position {@code r}. */
    float at(int o, int c, int r) {
        return weight[(o * in + c) * rest + r];
    }

    /** The same layer with its outputs and inputs reordered: new output o is old output outputOrder[o] (null: as is). */
    CanonicalLayer permuted(int[] outputOrder, int[] inputOrder) {
        float[] w = new float[weight.length];
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            int from = outputOrder == null ? o : outputOrder[o];
            b[o] = bias[from];
            for (int c = 0; c < in; c++) {
                int fromC = inputOrder == null ? c : inputOrder[c];
                System.arraycopy(weight, (from * in + fromC) * rest, w, (o * in + c) * rest, rest);
            }
        }
        return new CanonicalLayer(name, input, output, out, in, rest, w, b);
    }

    /** Cosine of this layer's weights and bias with {@code other}'s, as one vector; 1 when both are zero, 0 when one is. */
    double cosine(CanonicalLayer other) {
        double dot = 0;
        double self = 0;
        double them = 0;
        for (int i = 0; i < weight.length; i++) {
            dot += (double) weight[i] * other.weight[i];
            self += (double) weight[i] * weight[i];
            them += (double) other.weight[i] * other.weight[i];
        }
        for (int i = 0; i < out; i++) {
            dot += (double) bias[i] * other.bias[i];
            self += (double) bias[i] * bias[i];
            them += (double) other.bias[i] * other.bias[i];
        }
        if (self == 0 || them == 0) {
            return self == them ? 1 : 0;
        }
        return Math.max(-1, Math.min(1, dot / Math.sqrt(self * them)));
    }
}
