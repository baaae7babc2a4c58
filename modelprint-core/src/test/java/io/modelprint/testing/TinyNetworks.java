package io.modelprint.testing;

import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.model.weights.NormParameters;
import io.modelprint.model.weights.WeightLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small random networks as {@link NetworkWeights}, with the structures modelprint's architectures
 * have: a perceptron, a convolutional network with batch norm and flattening, and a residual network
 * whose streams are written by several layers. Same seed, same weights.
 */
public final class TinyNetworks {
    public static final float EPSILON = 1e-5f;

    private TinyNetworks() {}

    /** in -> hidden[0] -> ... -> classes, linear layers with biases. */
    public static NetworkWeights mlp(long seed, int in, int[] hidden, int classes) {
        Random random = new Random(seed);
        List<WeightLayer> layers = new ArrayList<>();
        String input = NetworkWeights.INPUT;
        int fan = in;
        for (int i = 0; i <= hidden.length; i++) {
            boolean last = i == hidden.length;
            int out = last ? classes : hidden[i];
            String output = last ? NetworkWeights.OUTPUT : "h" + (i + 1);
            layers.add(layer(random, "linear" + (i + 1), input, output, new long[] {out, fan}, true, false));
            input = output;
            fan = out;
        }
        return new NetworkWeights(layers);
    }

    /** conv 3x3 (1 -> 4) + BN, conv 3x3 (4 -> 6) + BN, flatten of 6 channels x 4 positions, linear 8, linear 3. */
    public static NetworkWeights cnn(long seed) {
        Random random = new Random(seed);
        return new NetworkWeights(List.of(
                layer(random, "conv1", NetworkWeights.INPUT, "c1", new long[] {4, 1, 3, 3}, true, true),
                layer(random, "conv2", "c1", "c2", new long[] {6, 4, 3, 3}, true, true),
                layer(random, "linear1", "c2", "h", new long[] {8, 6 * 4}, true, false),
                layer(random, "linear2", "h", NetworkWeights.OUTPUT, new long[] {3, 8}, true, false)));
    }

    /**
     * A ResNet in small: a stem conv + BN writing stream s1 (4 channels); a block conv + BN (inner i1),
     * conv + BN back into s1; a block with a 1x1 projection shortcut from s1 into stream s2 (6 channels)
     * beside conv + BN (i2), conv + BN into s2; then linear from s2 to 3 logits. No convolution has a bias.
     */
    public static NetworkWeights residual(long seed) {
        Random random = new Random(seed);
        return new NetworkWeights(List.of(
                layer(random, "conv1", NetworkWeights.INPUT, "s1", new long[] {4, 1, 3, 3}, false, true),
                layer(random, "conv2", "s1", "i1", new long[] {4, 4, 3, 3}, false, true),
                layer(random, "conv3", "i1", "s1", new long[] {4, 4, 3, 3}, false, true),
                layer(random, "conv4", "s1", "i2", new long[] {6, 4, 3, 3}, false, true),
                layer(random, "conv5", "i2", "s2", new long[] {6, 6, 3, 3}, false, true),
                layer(random, "conv6", "s1", "s2", new long[] {6, 4, 1, 1}, false, true),
                layer(random, "linear1", "s2", NetworkWeights.OUTPUT, new long[] {3, 6}, true, false)));
    }

    private static WeightLayer layer(Random random, String name, String input, String output, long[] shape, boolean bias,
            boolean norm) {
        int out = (int) shape[0];
        int size = 1;
        for (long d : shape) {
            size *= (int) d;
        }
        float scale = (float) (1 / Math.sqrt((double) size / out));
        float[] w = gaussian(random, size, scale);
        float[] b = bias ? gaussian(random, out, 0.1f) : null;
        NormParameters n = null;
        if (norm) {
            float[] gamma = new float[out];
            float[] var = new float[out];
            for (int i = 0; i < out; i++) {
                gamma[i] = 0.5f + random.nextFloat();
                var[i] = 0.5f + random.nextFloat();
            }
            n = new NormParameters(gamma, gaussian(random, out, 0.1f), gaussian(random, out, 0.1f), var, EPSILON);
        }
        return new WeightLayer(name, input, output, shape, w, b, n);
    }

    static float[] gaussian(Random random, int n, float scale) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) random.nextGaussian() * scale;
        }
        return values;
    }
}
