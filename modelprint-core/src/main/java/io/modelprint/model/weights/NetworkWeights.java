package io.modelprint.model.weights;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network's layers with weights, in forward order, and how they connect: each layer reads one
 * group of units and writes one. Hidden units are interchangeable within their group (permuting a
 * group's units in every layer that writes it and every layer that reads it leaves the function as it
 * was); {@link #INPUT} (the pixels) and {@link #OUTPUT} (the logits) are fixed. A residual stream is
 * one group written by several layers (the stem or projection shortcut and each block's last layer).
 */
public record NetworkWeights(List<WeightLayer> layers) {
    /** The group of the network's input features: never permuted. */
    public static final String INPUT = "input";
    /** The group of the network's logits: never permuted. */
    public static final String OUTPUT = "logits";

    public NetworkWeights {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer with weights");
        }
        Set<String> names = new HashSet<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (WeightLayer layer : layers) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException("two layers are named " + layer.name());
            }
            if (layer.output().equals(INPUT)) {
                throw new IllegalArgumentException(layer.name() + " writes the network's input");
            }
            if (!layer.input().equals(INPUT)) {
                Integer size = sizes.get(layer.input());
                if (size == null) {
                    throw new IllegalArgumentException(layer.name() + " reads group " + layer.input() + " before any layer writes it");
                }
                boolean fits = layer.isConvolution() ? layer.inputs() == size : layer.inputs() % size == 0;
                if (!fits) {
                    throw new IllegalArgumentException(layer.name() + " reads " + layer.inputs() + " inputs from group "
                            + layer.input() + " of " + size + " units");
                }
            }
            Integer earlier = sizes.putIfAbsent(layer.output(), layer.outputs());
            if (earlier != null && earlier != layer.outputs()) {
                throw new IllegalArgumentException(layer.name() + " writes " + layer.outputs() + " units into group "
                        + layer.output() + " of " + earlier);
            }
        }
        if (!sizes.containsKey(OUTPUT)) {
            throw new IllegalArgumentException("no layer writes the logits (group " + OUTPUT + ")");
        }
    }

    /** Every group's number of units, {@link #OUTPUT} included, in the order first written. */
    public Map<String, Integer> groupSizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (WeightLayer layer : layers) {
            sizes.putIfAbsent(layer.output(), layer.outputs());
        }
        return sizes;
    }

    /** The groups whose units can be permuted: every one but the input and the logits. */
    public List<String> hiddenGroups() {
        List<String> hidden = new ArrayList<>(groupSizes().keySet());
        hidden.remove(OUTPUT);
        return hidden;
    }

    public List<LayerSpec> specs() {
        return layers.stream().map(WeightLayer::spec).toList();
    }

    /**
     * SHA-256 over every layer in order: its {@link LayerSpec#describe()} text and bias and norm flags,
     * then its weight, bias and stacked batch norm as little-endian float32.
     */
    public String sha256() {
        java.security.MessageDigest digest = io.modelprint.io.Sha256.newDigest();
        for (WeightLayer layer : layers) {
            LayerSpec spec = layer.spec();
            digest.update((spec.describe() + " bias=" + spec.bias() + " norm=" + spec.normEpsilon() + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            update(digest, layer.weight());
            if (layer.bias() != null) {
                update(digest, layer.bias());
            }
            if (layer.norm() != null) {
                update(digest, layer.norm().stacked());
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static void update(java.security.MessageDigest digest, float[] values) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(values.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        digest.update(buffer.array());
    }

    /** Number of weights, biases and batch-norm values. */
    public long parameterCount() {
        long count = 0;
        for (WeightLayer layer : layers) {
            count += layer.weight().length + (layer.bias() == null ? 0 : layer.bias().length)
                    + (layer.norm() == null ? 0 : 4L * layer.norm().units());
        }
        return count;
    }
}
