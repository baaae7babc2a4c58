package io.modelprint.lab.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The same function with other weights (no training): {@link Variant#PERMUTE} shuffles the hidden
 * units of every linear layer and the filters of every convolution but the output layer's, and the
 * next layer's inputs to match (through batch norm and flattening); {@link Variant#FOLD_BN} folds each
 * batch norm into the convolution before it and leaves the norm as the identity. A functional scheme
 * must see the target itself; a weight-based comparison would not. Sequential networks (VGG, LeNet-5,
 * MLP) only: a residual network would need one permutation per residual stream.
 */
public final class Reparametrization implements PostProcessing {
    /** DJL's BatchNorm default epsilon, which modelprint's architectures keep. */
    static final float BN_EPSILON = 1e-5f;

    public enum Variant { PERMUTE, FOLD_BN }

    private final Variant variant;
    private final long seed;

    public Reparametrization(Variant variant, long seed) {
        this.variant = variant;
        this.seed = seed;
    }

    @Override
    public String kind() {
        return variant == Variant.PERMUTE ? "REPARAM-PERMUTE" : "REPARAM-BNFOLD";
    }

    @Override
    public Map<String, Object> parameters() {
        return variant == Variant.PERMUTE ? Map.of("seed", seed) : Map.of();
    }

    @Override
    public ModelTrainer.Result apply(Model model, ImageDataset train, TrainingConfig config, ProgressListener progress) {
        long start = System.nanoTime();
        List<Block> layers = Layers.sequential(model).getChildren().values();
        if (variant == Variant.PERMUTE) {
            permute(layers, new Random(seed));
        } else {
            foldBatchNorm(layers);
        }
        return new ModelTrainer.Result(0, (System.nanoTime() - start) / 1e9, Float.NaN);
    }

    private static void permute(List<Block> layers, Random random) {
        int last = lastWeighted(layers);
        int[] pending = null; // the permutation of the channels the next weighted layer reads
        for (int i = 0; i < layers.size(); i++) {
            Block layer = layers.get(i);
            if (layer instanceof Conv2d || layer instanceof Linear) {
                Parameter weight = parameter(layer, "weight");
                if (pending != null) {
                    long inputs = weight.getArray().getShape().get(1);
                    permuteAxis(weight.getArray(), 1, pending.length == inputs ? pending : expand(pending, (int) (inputs / pending.length)));
                }
                if (i == last) {
                    return;
                }
                int outputs = (int) weight.getArray().getShape().get(0);
                pending = shuffled(outputs, random);
                permuteAxis(weight.getArray(), 0, pending);
                permuteAxis(parameter(layer, "bias").getArray(), 0, pending);
            } else if (layer instanceof BatchNorm && pending != null) {
                for (var p : layer.getParameters()) {
                    permuteAxis(p.getValue().getArray(), 0, pending);
                }
            } else if (!layer.getParameters().isEmpty()) {
                throw new IllegalArgumentException("cannot permute through a " + layer.getClass().getSimpleName()
                        + ": only sequential conv / batch norm / linear networks");
            }
        }
    }

    private static void foldBatchNorm(List<Block> layers) {
        for (int i = 1; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof BatchNorm norm) || !(layers.get(i - 1) instanceof Conv2d conv)) {
                continue;
            }
            float[] gamma = parameter(norm, "gamma").getArray().toFloatArray();
            float[] beta = parameter(norm, "beta").getArray().toFloatArray();
            float[] mean = parameter(norm, "runningMean").getArray().toFloatArray();
            float[] var = parameter(norm, "runningVar").getArray().toFloatArray();
            NDArray weight = parameter(conv, "weight").getArray();
            NDArray bias = parameter(conv, "bias").getArray();
            float[] w = weight.toFloatArray();
            float[] b = bias.toFloatArray();
            int perFilter = w.length / b.length;
            for (int c = 0; c < b.length; c++) {
                float scale = gamma[c] / (float) Math.sqrt(var[c] + BN_EPSILON);
                for (int j = 0; j < perFilter; j++) {
                    w[c * perFilter + j] *= scale;
                }
                b[c] = (b[c] - mean[c]) * scale + beta[c];
                gamma[c] = 1;
                beta[c] = 0;
                mean[c] = 0;
                var[c] = 1 - BN_EPSILON;
            }
            weight.set(w);
            bias.set(b);
            parameter(norm, "gamma").getArray().set(gamma);
            parameter(norm, "beta").getArray().set(beta);
            parameter(norm, "runningMean").getArray().set(mean);
            parameter(norm, "runningVar").getArray().set(var);
        }
    }

    private static int lastWeighted(List<Block> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof Conv2d || layers.get(i) instanceof Linear) {
                return i;
            }
        }
        throw new IllegalArgumentException("no convolution or linear layer to permute");
    }

    private static Parameter parameter(Block block, String name) {
        for (var p : block.getParameters()) {
            if (p.getKey().equals(name) || p.getKey().endsWith("_" + name)) {
                return p.getValue();
            }
        }
        throw new IllegalArgumentException(block.getClass().getSimpleName() + " has no parameter " + name);
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A channel permutation over the flattened [channels x size] features that follow. */
    private static int[] expand(int[] channels, int size) {
        int[] features = new int[channels.length * size];
        for (int c = 0; c < channels.length; c++) {
            for (int r = 0; r < size; r++) {
                features[c * size + r] = channels[c] * size + r;
            }
        }
        return features;
    }

    /** Reorders {@code array} along {@code axis} so that new index j holds old index order[j]; in place. */
    static void permuteAxis(NDArray array, int axis, int[] order) {
        long[] shape = array.getShape().getShape();
        float[] values = array.toFloatArray();
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= (int) shape[d];
        }
        int n = (int) shape[axis];
        if (n != order.length) {
            throw new IllegalArgumentException("axis " + axis + " has " + n + " entries, the permutation " + order.length);
        }
        int inner = values.length / (outer * n);
        float[] out = new float[values.length];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < n; j++) {
                System.arraycopy(values, (o * n + order[j]) * inner, out, (o * n + j) * inner, inner);
            }
        }
        array.set(out);
    }
}
