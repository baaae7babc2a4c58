package io.modelprint.engine.testing;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.modelprint.data.ImageDataset;
import java.util.Arrays;

/** A model's logits and labels on every image of a small data set, in inference mode. */
public final class ModelOutputs {
    private ModelOutputs() {}

    public static float[] logits(Model model, ImageDataset data) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            int[] all = new int[data.size()];
            Arrays.setAll(all, i -> i);
            NDList out = model.getBlock().forward(new ParameterStore(manager, false), new NDList(data.images(manager, all)), false);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    public static int[] labels(Model model, ImageDataset data) {
        float[] logits = logits(model, data);
        int classes = logits.length / data.size();
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            for (int c = 1; c < classes; c++) {
                labels[i] = logits[i * classes + c] > logits[i * classes + labels[i]] ? c : labels[i];
            }
        }
        return labels;
    }
}
