package io.modelprint.model.remote;

import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;
import java.util.Locale;

/**
 * A suspect behind an Open Inference Protocol endpoint ({@code http(s)://host:port/v2/models/<name>}),
 * used label-only: INT64 label outputs are taken as they are, FP32 score outputs are reduced to
 * their top-1 label. What to send and ask for is agreed when connecting ({@link RemoteEndpoint});
 * the asking, with the answer cache and the query budget, is a {@link RemoteAsker}'s.
 */
public class RemoteClassifier implements Classifier {
    private final RemoteEndpoint endpoint;
    private final RemoteAsker asker;
    private final InputSpec spec;
    private final int numClasses;
    private final RemoteStats stats;

    RemoteClassifier(RemoteEndpoint endpoint, RemoteAsker asker, InputSpec spec, int numClasses, RemoteStats stats) {
        this.endpoint = endpoint;
        this.asker = asker;
        this.spec = spec;
        this.numClasses = numClasses;
        this.stats = stats;
    }

    public static boolean isUrl(String suspect) {
        String s = suspect.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /**
     * Connects to {@code url}, reads the model's metadata when the server offers it and checks it
     * against {@code spec}.
     *
     * @param cache answers of earlier runs for this URL and fingerprint, or null
     */
    public static RemoteClassifier connect(String url, InputSpec spec, int numClasses, RemoteOptions options,
            AnswerCache cache) {
        return connect(url, spec, numClasses, options, cache, false);
    }

    /**
     * As above; with {@code scores}, asks for an FP32 score output and answers as a {@link Scored}
     * model, unless the server's metadata offers no floating output: then the client is label-only
     * (and a score scheme refuses it, naming the schemes that would work).
     */
    public static RemoteClassifier connect(String url, InputSpec spec, int numClasses, RemoteOptions options,
            AnswerCache cache, boolean scores) {
        RemoteStats stats = new RemoteStats();
        RemoteEndpoint endpoint = RemoteEndpoint.negotiate(url, spec, options, stats);
        QueryBudget budget = new QueryBudget(options.maxQueries(), endpoint.modelUrl(), cache == null ? 0 : cache.spent());
        if (scores && endpoint.offersScores()) {
            RemoteAsker asker = new RemoteAsker(endpoint, AnswerCache.Kind.SCORES, spec, numClasses, budget, cache, stats);
            return new RemoteScoredClassifier(endpoint, asker, spec, numClasses, stats);
        }
        RemoteAsker asker = new RemoteAsker(endpoint, AnswerCache.Kind.LABELS, spec, numClasses, budget, cache, stats);
        return new RemoteClassifier(endpoint, asker, spec, numClasses, stats);
    }

    /** The model metadata the server gave when connecting, or null when it offers none. */
    public ModelMetadata metadata() {
        return endpoint.metadata();
    }

    @Override
    public InputSpec inputSpec() {
        return spec;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public String description() {
        return endpoint.modelUrl();
    }

    public RemoteStats stats() {
        return stats;
    }

    /** Told after every answered request: answers so far out of those this call has to ask for. */
    public void onProgress(ProgressListener listener) {
        asker.onProgress(listener);
    }

    @Override
    public long[] predictLabels(float[] images, int count) {
        return answer(images, count).labels();
    }

    /** One answer per image: from the cache where known, else asked in batches within the budget. */
    RemoteAnswers answer(float[] images, int count) {
        return asker.answer(images, count);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads end with the client
    }
}
