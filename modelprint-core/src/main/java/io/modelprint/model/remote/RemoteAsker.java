package io.modelprint.model.remote;

import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a served model about images, one kind of answer (labels or scores): answers already in the
 * {@link AnswerCache} are not asked again, the rest go in batches within the {@link QueryBudget}
 * (every image sent, retries included, counts), and the cache is saved after every request.
 */
final class RemoteAsker {
    private final RemoteEndpoint endpoint;
    private final AnswerCache.Kind kind;
    private final String output;
    private final InputSpec spec;
    private final int numClasses;
    private final QueryBudget budget;
    private final AnswerCache cache;
    private final RemoteStats stats;
    private int batchSize;
    private ProgressListener progress = ProgressListener.NONE;

    RemoteAsker(RemoteEndpoint endpoint, AnswerCache.Kind kind, InputSpec spec, int numClasses, QueryBudget budget,
            AnswerCache cache, RemoteStats stats) {
        this.endpoint = endpoint;
        this.kind = kind;
        this.output = endpoint.output(kind);
        this.spec = spec;
        this.numClasses = numClasses;
        this.budget = budget;
        this.cache = cache;
        this.stats = stats;
        this.batchSize = endpoint.batchSize();
    }

    /** Told after every answered request: answers so far out of those this call has to ask for. */
    void onProgress(ProgressListener listener) {
        this.progress = listener;
    }

    /** One answer per image of {@code values} ({@code n} images in the spec), from the cache where known. */
    RemoteAnswers answer(float[] values, int n) {
        int size = spec.pixelsPerImage();
        RemoteAnswers answers = RemoteAnswers.of(kind, n, numClasses);
        String[] keys = new String[n];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (cache != null) {
                keys[i] = AnswerCache.key(values, i * size, size);
            }
            if (cache == null || !answers.fromCache(cache, keys[i], i)) {
                missing.add(i);
            }
        }
        stats.cached(n - missing.size());
        int start = 0;
        while (start < missing.size()) {
            int chunkSize = (int) Math.min(Math.min(batchSize, missing.size() - start), Math.max(1, budget.remaining()));
            List<Integer> chunk = missing.subList(start, start + chunkSize);
            RemoteAnswers asked;
            try {
                asked = ask(values, size, chunk);
            } catch (OipClient.PayloadTooLargeException e) {
                if (chunkSize == 1) {
                    throw e;
                }
                batchSize = chunkSize / 2; // the server limits its body size: halve the batch for the rest of the run
                continue;
            }
            start += chunkSize;
            for (int j = 0; j < chunk.size(); j++) {
                asked.copy(j, answers, chunk.get(j));
                if (cache != null) {
                    answers.toCache(cache, keys[chunk.get(j)], chunk.get(j));
                }
            }
            if (cache != null) {
                cache.save();
            }
            progress.update(start, missing.size(), stats.queriesSent() + " queries sent, " + stats.retries() + " retries");
        }
        return answers;
    }

    private RemoteAnswers ask(float[] values, int size, List<Integer> images) {
        int k = images.size();
        float[] data = new float[k * size];
        for (int j = 0; j < k; j++) {
            System.arraycopy(values, images.get(j) * size, data, j * size, size);
        }
        long[] shape = spec.batchShape(k).getShape();
        byte[] body = InferenceProtocol.inferRequest(endpoint.inputName(), shape, data, 0, data.length, output);
        List<OutputTensor> outputs = endpoint.client().infer(body, k, attempt -> {
            budget.spend(k);
            if (cache != null) {
                // recorded before the images leave: a run killed mid-request has still paid for them
                cache.addSpent(k);
                cache.save();
            }
        });
        String url = endpoint.modelUrl() + "/infer";
        return kind == AnswerCache.Kind.SCORES
                ? RemoteAnswers.ofScores(ScoreOutputs.scores(url, outputs, output, k, numClasses), numClasses)
                : RemoteAnswers.ofLabels(LabelOutputs.labels(url, outputs, output, k, numClasses), numClasses);
    }
}
