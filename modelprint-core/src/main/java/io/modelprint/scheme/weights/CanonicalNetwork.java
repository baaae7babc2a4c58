package io.modelprint.scheme.weights;

import io.modelprint.model.weights.LayerSpec;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.model.weights.NormParameters;
import io.modelprint.model.weights.WeightLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network with the symmetries that leave its function unchanged undone, except permutations (weight
 * matching's job): every batch norm folded into the layer before it (w γ/√(σ²+ε), (b − μ) γ/√(σ²+ε) + β),
 * and, with {@code rescale}, each hidden unit's incoming weights and bias scaled to unit norm and the
 * scale moved into the layers that read it (ReLU, max and average pooling commute with a positive
 * scale). A group written by several layers (a residual stream) is not rescaled: its units' scale
 * ties every writer of the stream together. {@code specs} are the layers as read, for messages. Folding and rescaling a canonical network again changes
 * nothing but rounding.
 */
record CanonicalNetwork(List<CanonicalLayer> layers, Map<String, Integer> groupSizes, List<LayerSpec> specs) {
    static CanonicalNetwork of(NetworkWeights network, boolean rescale) {
        Map<String, Integer> sizes = network.groupSizes();
        List<CanonicalLayer> layers = new ArrayList<>();
        for (WeightLayer layer : network.layers()) {
            layers.add(fold(layer, sizes));
        }
        if (rescale) {
            Map<String, Integer> writers = new LinkedHashMap<>();
            for (CanonicalLayer layer : layers) {
                writers.merge(layer.output(), 1, Integer::sum);
            }
            // forward order: a group's writer has had its own inputs rescaled before the group is
            for (CanonicalLayer layer : List.copyOf(layers)) {
                if (!layer.output().equals(NetworkWeights.OUTPUT) && writers.get(layer.output()) == 1) {
                    rescale(layers, layers.indexOf(layer));
                }
            }
        }
        return new CanonicalNetwork(List.copyOf(layers), sizes, network.specs());
    }

    /** The same network with its groups named as {@code names} maps them (a map that covers every group). */
    CanonicalNetwork withGroupsRenamed(Map<String, String> names) {
        List<CanonicalLayer> renamed = layers.stream().map(l -> new CanonicalLayer(l.name(), names.get(l.input()),
                names.get(l.output()), l.out(), l.in(), l.rest(), l.weight(), l.bias())).toList();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        groupSizes.forEach((group, size) -> sizes.put(names.get(group), size));
        return new CanonicalNetwork(renamed, sizes, specs);
    }

    /** The layers that read {@code group}. */
    List<CanonicalLayer> readers(String group) {
        return layers.stream().filter(l -> l.input().equals(group)).toList();
    }

    /** The layers that write {@code group}. */
    List<CanonicalLayer> writers(String group) {
        return layers.stream().filter(l -> l.output().equals(group)).toList();
    }

    private static CanonicalLayer fold(WeightLayer layer, Map<String, Integer> sizes) {
        int out = layer.outputs();
        int kernel = layer.fanIn() / layer.inputs();
        boolean fixedInput = layer.input().equals(NetworkWeights.INPUT);
        int in = fixedInput ? layer.inputs() : sizes.get(layer.input());
        int rest = fixedInput ? kernel : layer.inputs() / in * kernel;
        float[] weight = layer.weight().clone();
        float[] bias = layer.bias() == null ? new float[out] : layer.bias().clone();
        NormParameters norm = layer.norm();
        if (norm != null) {
            int fan = layer.fanIn();
            for (int o = 0; o < out; o++) {
                double scale = norm.gamma()[o] / Math.sqrt((double) norm.var()[o] + norm.epsilon());
                for (int k = 0; k < fan; k++) {
                    weight[o * fan + k] = (float) (weight[o * fan + k] * scale);
                }
                bias[o] = (float) ((bias[o] - norm.mean()[o]) * scale + norm.beta()[o]);
            }
        }
        return new CanonicalLayer(layer.name(), layer.input(), layer.output(), out, in, rest, weight, bias);
    }

    /** Scales each output unit of layer {@code index} to unit norm and multiplies its readers' inputs by the old norm. */
    private static void rescale(List<CanonicalLayer> layers, int index) {
        CanonicalLayer writer = layers.get(index);
        int fan = writer.in() * writer.rest();
        double[] norms = new double[writer.out()];
        for (int o = 0; o < writer.out(); o++) {
            double sum = (double) writer.bias()[o] * writer.bias()[o];
            for (int k = 0; k < fan; k++) {
                float w = writer.weight()[o * fan + k];
                sum += (double) w * w;
            }
            norms[o] = sum > 0 ? Math.sqrt(sum) : 1; // a dead unit keeps its (zero) weights
            for (int k = 0; k < fan; k++) {
                writer.weight()[o * fan + k] = (float) (writer.weight()[o * fan + k] / norms[o]);
            }
            writer.bias()[o] = (float) (writer.bias()[o] / norms[o]);
        }
        for (CanonicalLayer reader : layers) {
            if (!reader.input().equals(writer.output())) {
                continue;
            }
            for (int o = 0; o < reader.out(); o++) {
                for (int c = 0; c < reader.in(); c++) {
                    int start = (o * reader.in() + c) * reader.rest();
                    for (int r = 0; r < reader.rest(); r++) {
                        reader.weight()[start + r] = (float) (reader.weight()[start + r] * norms[c]);
                    }
                }
            }
        }
    }
}
