package io.modelprint.testing;

import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.model.weights.NormParameters;
import io.modelprint.model.weights.WeightLayer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Other weights for the same function, as an attacker would make them: hidden units permuted (a
 * residual stream with one permutation for all its layers), positive per-unit rescaling, batch norm
 * folded into the layer before it; and a perturbed copy (a stand-in for fine-tuning).
 */
public final class NetworkSymmetries {
    private NetworkSymmetries() {}

    /** Every hidden group's units in a random order, in every layer that writes or reads it. */
    public static NetworkWeights permuted(NetworkWeights network, long seed) {
        Random random = new Random(seed);
        Map<String, int[]> orders = new HashMap<>();
        network.groupSizes().forEach((group, size) -> orders.put(group, group.equals(NetworkWeights.OUTPUT) ? null : shuffled(size, random)));
        List<WeightLayer> layers = new ArrayList<>();
        for (WeightLayer l : network.layers()) {
            int[] outOrder = orders.get(l.output());
            int[] inOrder = orders.get(l.input());
            int out = l.outputs();
            int features = l.inputs();
            int kernel = l.fanIn() / features;
            int spread = inOrder == null ? 1 : features / inOrder.length; // flattened positions per channel
            float[] w = new float[l.weight().length];
            for (int o = 0; o < out; o++) {
                int fromO = outOrder == null ? o : outOrder[o];
                for (int f = 0; f < features; f++) {
                    int fromF = inOrder == null ? f : inOrder[f / spread] * spread + f % spread;
                    System.arraycopy(l.weight(), (fromO * features + fromF) * kernel, w, (o * features + f) * kernel, kernel);
                }
            }
            NormParameters n = l.norm() == null ? null : new NormParameters(take(l.norm().gamma(), outOrder),
                    take(l.norm().beta(), outOrder), take(l.norm().mean(), outOrder), take(l.norm().var(), outOrder), l.norm().epsilon());
            layers.add(new WeightLayer(l.name(), l.input(), l.output(), l.shape(), w, l.bias() == null ? null : take(l.bias(), outOrder), n));
        }
        return new NetworkWeights(layers);
    }

    /**
     * Each unit of every group written by one layer scaled by a factor in [0.25, 4): its writer's row and
     * bias (or, behind a batch norm, the norm's gamma and beta), and divided out of every reader's inputs.
     */
    public static NetworkWeights rescaled(NetworkWeights network, long seed) {
        Random random = new Random(seed);
        Map<String, Integer> writers = new HashMap<>();
        network.layers().forEach(l -> writers.merge(l.output(), 1, Integer::sum));
        Map<String, float[]> factors = new HashMap<>();
        network.groupSizes().forEach((group, size) -> {
            if (!group.equals(NetworkWeights.OUTPUT) && writers.get(group) == 1) {
                float[] f = new float[size];
                for (int i = 0; i < size; i++) {
                    f[i] = (float) Math.pow(2, random.nextFloat() * 4 - 2);
                }
                factors.put(group, f);
            }
        });
        List<WeightLayer> layers = new ArrayList<>();
        for (WeightLayer l : network.layers()) {
            float[] up = factors.get(l.output());
            float[] down = factors.get(l.input());
            float[] w = l.weight().clone();
            float[] b = l.bias() == null ? null : l.bias().clone();
            NormParameters n = l.norm();
            int fan = l.fanIn();
            int perUnit = down == null ? 1 : fan / down.length;
            for (int o = 0; o < l.outputs(); o++) {
                for (int k = 0; k < fan; k++) {
                    w[o * fan + k] *= (up != null && n == null ? up[o] : 1) / (down == null ? 1 : down[k / perUnit]);
                }
                if (b != null && up != null && n == null) {
                    b[o] *= up[o];
                }
            }
            if (n != null && up != null) {
                n = new NormParameters(times(n.gamma(), up), times(n.beta(), up), n.mean(), n.var(), n.epsilon());
            }
            layers.add(new WeightLayer(l.name(), l.input(), l.output(), l.shape(), w, b, n));
        }
        return new NetworkWeights(layers);
    }

    /** Each batch norm folded into its layer; the norm then left as the identity ({@code keepNorm}) or removed. */
    public static NetworkWeights folded(NetworkWeights network, boolean keepNorm) {
        List<WeightLayer> layers = new ArrayList<>();
        for (WeightLayer l : network.layers()) {
            NormParameters n = l.norm();
            if (n == null) {
                layers.add(l);
                continue;
            }
            int out = l.outputs();
            int fan = l.fanIn();
            float[] w = l.weight().clone();
            float[] b = new float[out];
            for (int o = 0; o < out; o++) {
                float s = n.gamma()[o] / (float) Math.sqrt(n.var()[o] + n.epsilon());
                for (int k = 0; k < fan; k++) {
                    w[o * fan + k] *= s;
                }
                b[o] = ((l.bias() == null ? 0 : l.bias()[o]) - n.mean()[o]) * s + n.beta()[o];
            }
            float[] ones = new float[out];
            float[] var = new float[out];
            java.util.Arrays.fill(ones, 1);
            java.util.Arrays.fill(var, 1 - n.epsilon());
            NormParameters identity = keepNorm ? new NormParameters(ones, new float[out], new float[out], var, n.epsilon()) : null;
            layers.add(new WeightLayer(l.name(), l.input(), l.output(), l.shape(), w, b, identity));
        }
        return new NetworkWeights(layers);
    }

    /** Every weight and bias plus Gaussian noise of {@code relative} times the layer's own weight spread. */
    public static NetworkWeights perturbed(NetworkWeights network, float relative, long seed) {
        Random random = new Random(seed);
        List<WeightLayer> layers = new ArrayList<>();
        for (WeightLayer l : network.layers()) {
            float spread = (float) Math.sqrt(java.util.stream.IntStream.range(0, l.weight().length)
                    .mapToDouble(i -> l.weight()[i] * l.weight()[i]).average().orElse(0));
            float[] w = plus(l.weight(), TinyNetworks.gaussian(random, l.weight().length, relative * spread));
            float[] b = l.bias() == null ? null : plus(l.bias(), TinyNetworks.gaussian(random, l.bias().length, relative * spread));
            layers.add(new WeightLayer(l.name(), l.input(), l.output(), l.shape(), w, b, l.norm()));
        }
        return new NetworkWeights(layers);
    }

    private static float[] plus(float[] a, float[] b) {
        float[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    private static float[] times(float[] a, float[] f) {
        float[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= f[i];
        }
        return out;
    }

    private static float[] take(float[] values, int[] order) {
        if (order == null) {
            return values.clone();
        }
        float[] out = new float[values.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    private static int[] shuffled(int n, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
