package io.modelprint.lab.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.modelprint.data.ImageDataset;
import java.util.List;

/** Structural helpers over modelprint's sequential architectures: the last layer and what feeds it. */
final class Layers {
    private static final int BATCH = 512;

    private Layers() {}

    static SequentialBlock sequential(Model model) {
        if (!(model.getBlock() instanceof SequentialBlock sequential)) {
            throw new IllegalArgumentException("expected a sequential network, got " + model.getBlock().getClass().getSimpleName());
        }
        return sequential;
    }

    /** The final linear layer (the classifier head). */
    static Linear lastLayer(Model model) {
        List<Block> children = sequential(model).getChildren().values();
        Block last = children.get(children.size() - 1);
        if (!(last instanceof Linear linear)) {
            throw new IllegalArgumentException("the network does not end with a linear layer");
        }
        return linear;
    }

    /** Inputs of the last layer for every image, [N, D] row-major, computed in inference mode. */
    static float[] penultimateFeatures(Model model, ImageDataset data, int[] dimension) {
        List<Block> children = sequential(model).getChildren().values();
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        float[] features = null;
        try (NDManager scope = model.getNDManager().newSubManager()) {
            for (int from = 0; from < data.size(); from += BATCH) {
                int n = Math.min(BATCH, data.size() - from);
                int[] indices = new int[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = from + i;
                }
                try (NDManager batchScope = scope.newSubManager()) {
                    NDList x = new NDList(data.images(batchScope, indices));
                    for (int c = 0; c < children.size() - 1; c++) {
                        x = children.get(c).forward(parameters, x, false);
                    }
                    NDArray out = x.singletonOrThrow();
                    int d = (int) (out.size() / n);
                    if (features == null) {
                        features = new float[data.size() * d];
                        dimension[0] = d;
                    }
                    System.arraycopy(out.toFloatArray(), 0, features, from * d, n * d);
                }
            }
        }
        return features;
    }

    /** Copies parameter values from one block to another of the same structure, in order. */
    static void copyParameters(Block from, Block to) {
        List<Parameter> source = from.getParameters().values();
        List<Parameter> target = to.getParameters().values();
        if (source.size() != target.size()) {
            throw new IllegalArgumentException("blocks differ: " + source.size() + " vs " + target.size() + " parameters");
        }
        for (int i = 0; i < source.size(); i++) {
            NDArray dest = target.get(i).getArray();
            NDArray values = source.get(i).getArray();
            if (!dest.getShape().equals(values.getShape())) {
                throw new IllegalArgumentException("parameter " + i + " differs in shape: " + values.getShape() + " vs " + dest.getShape());
            }
            // Parameter.setArray refuses an array that is already set: copy the values in place.
            dest.set(values.toFloatArray());
        }
    }
}
