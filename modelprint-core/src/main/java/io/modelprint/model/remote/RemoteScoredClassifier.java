package io.modelprint.model.remote;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Logits;
import io.modelprint.model.Scored;

/**
 * A remote suspect asked for its FP32 scores (for SAC, ModelDiff, Zest): answers keep every score,
 * labels are their top-1. Scores are cached as rows.
 */
final class RemoteScoredClassifier extends RemoteClassifier implements Scored {
    RemoteScoredClassifier(RemoteEndpoint endpoint, RemoteAsker asker, InputSpec spec, int numClasses, RemoteStats stats) {
        super(endpoint, asker, spec, numClasses, stats);
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        int n = (int) batch.getShape().get(0);
        float[] scores = answer(batch.toFloatArray(), n).scores();
        return batch.getManager().create(scores, new Shape(n, numClasses()));
    }
}
