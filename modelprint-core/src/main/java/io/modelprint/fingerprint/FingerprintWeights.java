package io.modelprint.fingerprint;

import io.modelprint.InputException;
import io.modelprint.io.Npy;
import io.modelprint.model.weights.LayerSpec;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.model.weights.NormParameters;
import io.modelprint.model.weights.WeightLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The target's weights in a fingerprint file, for schemes that compare weights: {@code meta.json}'s
 * {@code network} lists the layers and each has {@code weights/NAME.weight.npy} (float32, the layer's
 * shape), {@code weights/NAME.bias.npy} ([out], when it has a bias) and {@code weights/NAME.norm.npy}
 * ([4, out]: gamma, beta, running mean, running variance, when a batch norm follows it).
 */
final class FingerprintWeights {
    static final String FOLDER = "weights/";
    private static final Pattern LAYER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private FingerprintWeights() {}

    /** The tensor entries of {@code network}, by entry name (relative to the fingerprint). */
    static Map<String, byte[]> encode(NetworkWeights network) {
        Map<String, byte[]> tensors = new TreeMap<>();
        if (network == null) {
            return tensors;
        }
        for (WeightLayer layer : network.layers()) {
            String base = FOLDER + requireName(layer.name(), "the network to write") + ".";
            tensors.put(base + "weight.npy", Npy.encode(layer.weight(), layer.shape()));
            if (layer.bias() != null) {
                tensors.put(base + "bias.npy", Npy.encode(layer.bias(), layer.outputs()));
            }
            if (layer.norm() != null) {
                tensors.put(base + "norm.npy", Npy.encode(layer.norm().stacked(), 4, layer.outputs()));
            }
        }
        return tensors;
    }

    /** The entry names of the arrays {@code layers} need (none when null). */
    static List<String> entryNames(List<LayerSpec> layers) {
        List<String> names = new ArrayList<>();
        for (LayerSpec spec : layers == null ? List.<LayerSpec>of() : layers) {
            String base = FOLDER + spec.name() + ".";
            names.add(base + "weight.npy");
            if (spec.bias()) {
                names.add(base + "bias.npy");
            }
            if (spec.normEpsilon() != null) {
                names.add(base + "norm.npy");
            }
        }
        return names;
    }

    /** The network {@code layers} describe, read from {@code tensors} (null when the file has none); {@code where} names the file. */
    static NetworkWeights decode(String where, List<LayerSpec> layers, Map<String, byte[]> tensors) {
        if (layers == null) {
            if (!tensors.isEmpty()) {
                throw new InputException(where + ": holds " + tensors.keySet() + " but meta.json lists no network they belong to");
            }
            return null;
        }
        if (layers.isEmpty()) {
            throw new InputException(where + ": meta.json's network lists no layers");
        }
        Map<String, byte[]> unread = new TreeMap<>(tensors);
        List<WeightLayer> read = new ArrayList<>();
        for (LayerSpec spec : layers) {
            if (spec == null || spec.name() == null || spec.shape() == null || spec.input() == null || spec.output() == null) {
                throw new InputException(where + ": meta.json's network has a layer without name, shape, input or output");
            }
            String base = FOLDER + requireName(spec.name(), where) + ".";
            long out = spec.shape().length > 0 ? spec.shape()[0] : 0;
            float[] weight = array(where, unread, base + "weight.npy", spec.shape());
            float[] bias = spec.bias() ? array(where, unread, base + "bias.npy", new long[] {out}) : null;
            NormParameters norm = null;
            if (spec.normEpsilon() != null) {
                float[] stacked = array(where, unread, base + "norm.npy", new long[] {4, out});
                norm = unstack(where, spec, stacked);
            }
            try {
                read.add(new WeightLayer(spec.name(), spec.input(), spec.output(), spec.shape(), weight, bias, norm));
            } catch (IllegalArgumentException e) {
                throw new InputException(where + ": layer " + spec.name() + ": " + e.getMessage());
            }
        }
        if (!unread.isEmpty()) {
            throw new InputException(where + ": entries " + unread.keySet() + " belong to no layer meta.json lists");
        }
        try {
            return new NetworkWeights(read);
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": the network in meta.json does not hold together: " + e.getMessage());
        }
    }

    private static NormParameters unstack(String where, LayerSpec spec, float[] stacked) {
        try {
            return NormParameters.unstack(stacked, spec.normEpsilon());
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": layer " + spec.name() + ": " + e.getMessage());
        }
    }

    private static float[] array(String where, Map<String, byte[]> unread, String name, long[] shape) {
        byte[] bytes = unread.remove(name);
        if (bytes == null) {
            throw new InputException(where + ": no " + name + ", which meta.json's network needs");
        }
        Npy.Array array;
        try {
            array = Npy.decode(bytes);
            if (!Arrays.equals(array.shape(), shape)) {
                throw new IllegalArgumentException("shape " + Arrays.toString(array.shape()) + ", expected " + Arrays.toString(shape));
            }
            return array.toFloats();
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + name + ": " + e.getMessage());
        }
    }

    private static String requireName(String name, String where) {
        if (name == null || !LAYER_NAME.matcher(name).matches()) {
            throw new InputException(where + ": layer name '" + name + "' is not a plain name (letters, digits, _ . -)");
        }
        return name;
    }
}
