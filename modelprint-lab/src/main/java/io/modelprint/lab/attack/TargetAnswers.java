package io.modelprint.lab.attack;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.ImageDataset;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Logits;

/** What an extraction attacker gets back from the target for its queries. */
final class TargetAnswers {
    private static final int BATCH = 512;

    private TargetAnswers() {}

    /** The target's softmax at {@code temperature} on every query, row-major [N, classes]. */
    static float[] probabilities(Differentiable target, ImageDataset queries, float temperature) {
        int classes = queries.numClasses();
        float[] probabilities = new float[queries.size() * classes];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int from = 0; from < queries.size(); from += BATCH) {
                int n = Math.min(BATCH, queries.size() - from);
                int[] indices = new int[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = from + i;
                }
                try (NDManager scope = manager.newSubManager()) {
                    NDArray logits = target.predictLogits(queries.images(scope, indices));
                    System.arraycopy(logits.div(temperature).softmax(1).toFloatArray(), 0, probabilities, from * classes, n * classes);
                }
            }
        }
        return probabilities;
    }

    /** The queries labelled with the target's top-1 answers. */
    static ImageDataset labelled(Differentiable target, ImageDataset queries) {
        float[] probabilities = probabilities(target, queries, 1);
        int classes = queries.numClasses();
        int[] labels = new int[queries.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Logits.argmax(probabilities, i, classes);
        }
        return new ImageDataset(queries.name() + "-target-labels", queries.spec(), queries.pixels(), labels, classes);
    }
}
