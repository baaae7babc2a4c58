package io.modelprint.model.remote;

import ai.djl.ndarray.NDArray;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Logits;
import io.modelprint.model.Scored;

/**
 * A remote suspect asked for its FP32 scores (for SAC, ModelDiff, Zest): answers keep every score,
 * labels are their top-1. Scores are cached as rows, apart from a label-only run's answers.
 */
final class RemoteScoredClassifier extends RemoteClassifier implements Scored {
    RemoteScoredClassifier(OipClient client, InputSpec spec, int numClasses, String inputName, String scoreOutput,
            int batchSize, QueryBudget budget, AnswerCache cache, RemoteStats stats) {
        super(client, spec, numClasses, inputName, scoreOutput, batchSize, budget, cache, stats);
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        int n = (int) batch.getShape().get(0);
        Object[] rows = answer(batch.toFloatArray(), n, true);
        float[] scores = new float[n * numClasses()];
        for (int i = 0; i < n; i++) {
            System.arraycopy((float[]) rows[i], 0, scores, i * numClasses(), numClasses());
        }
        return batch.getManager().create(scores, new ai.djl.ndarray.types.Shape(n, numClasses()));
    }

    @Override
    public long[] predictLabels(float[] images, int count) {
        Object[] rows = answer(images, count, true);
        long[] labels = new long[count];
        for (int i = 0; i < count; i++) {
            float[] row = (float[]) rows[i];
            labels[i] = Logits.argmax(row, 0, row.length);
        }
        return labels;
    }
}
