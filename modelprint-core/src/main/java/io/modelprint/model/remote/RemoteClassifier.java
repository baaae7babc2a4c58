package io.modelprint.model.remote;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;
import io.modelprint.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A suspect behind an Open Inference Protocol endpoint ({@code http(s)://host:port/v2/models/<name>}),
 * used label-only: INT64 label outputs are taken as they are, FP32 score outputs are reduced to
 * their top-1 label. Answers already in the {@link AnswerCache} are not asked again; every image
 * sent, retries included, is counted against the {@link QueryBudget}.
 */
public class RemoteClassifier implements Classifier {
    private ModelMetadata metadata;
    private final OipClient client;
    private final InputSpec spec;
    private final int numClasses;
    private final String inputName;
    private final String outputName;
    private int batchSize;
    private final QueryBudget budget;
    private final AnswerCache cache;
    private final RemoteStats stats;
    private ProgressListener progress = ProgressListener.NONE;

    RemoteClassifier(OipClient client, InputSpec spec, int numClasses, String inputName, String outputName,
            int batchSize, QueryBudget budget, AnswerCache cache, RemoteStats stats) {
        this.client = client;
        this.spec = spec;
        this.numClasses = numClasses;
        this.inputName = inputName;
        this.outputName = outputName;
        this.batchSize = batchSize;
        this.budget = budget;
        this.cache = cache;
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
        String modelUrl = normalize(url);
        RemoteStats stats = new RemoteStats();
        OipClient client = new OipClient(modelUrl, options, stats);
        ModelMetadata metadata = client.metadata();
        String inputName = "input";
        String outputName = null;
        int batchSize = options.batchSize();
        if (metadata != null) {
            inputName = checkInput(modelUrl, metadata, spec);
            long fixedBatch = metadata.inputs().get(0).shape()[0];
            if (fixedBatch == 1) {
                batchSize = 1;
            }
            outputName = chooseOutput(modelUrl, metadata);
        }
        String scoreOutput = metadata == null ? null : scoreOutput(metadata);
        QueryBudget budget = new QueryBudget(options.maxQueries(), modelUrl, cache == null ? 0 : cache.spent());
        RemoteClassifier connected = scores && (metadata == null || scoreOutput != null)
                ? new RemoteScoredClassifier(client, spec, numClasses, inputName, scoreOutput, batchSize, budget, cache, stats)
                : new RemoteClassifier(client, spec, numClasses, inputName, outputName, batchSize, budget, cache, stats);
        connected.metadata = metadata;
        return connected;
    }

    /** The model metadata the server gave when connecting, or null when it offers none. */
    public ModelMetadata metadata() {
        return metadata;
    }

    private static String scoreOutput(ModelMetadata metadata) {
        for (TensorMetadata output : metadata.outputs()) {
            if (output.datatype().startsWith("FP")) {
                return output.name();
            }
        }
        return null;
    }

    private static String normalize(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (u.endsWith("/infer")) {
            u = u.substring(0, u.length() - "/infer".length());
        }
        if (!u.matches("(?i)https?://[^/]+(/.*)?/v2/models/[^/]+(/versions/[^/]+)?")) {
            throw new InputException(url + ": expected an Open Inference Protocol model URL such as"
                    + " http://host:port/v2/models/<name>");
        }
        return u;
    }

    private static String checkInput(String url, ModelMetadata metadata, InputSpec spec) {
        if (metadata.inputs().size() != 1) {
            throw new InputException(url + ": the model takes " + metadata.inputs().size()
                    + " inputs; modelprint sends one image tensor");
        }
        TensorMetadata input = metadata.inputs().get(0);
        if (!InferenceProtocol.FP32.equals(input.datatype())) {
            throw new InputException(url + ": the model's input " + input.describe() + " is not FP32");
        }
        long[] expected = spec.batchShape(-1).getShape();
        long[] shape = input.shape();
        boolean fits = shape.length == expected.length && (shape[0] == -1 || shape[0] == 1);
        for (int i = 1; fits && i < shape.length; i++) {
            fits = shape[i] == -1 || shape[i] == expected[i];
        }
        if (!fits) {
            throw new InputException(url + ": the model's input is " + input.describe() + " but the fingerprint's"
                    + " queries are " + spec + ", i.e. " + Arrays.toString(expected)
                    + " (give the suspect's spec with --input-shape/--channels-last, or --resize)");
        }
        return input.name();
    }

    private static String chooseOutput(String url, ModelMetadata metadata) {
        if (metadata.outputs().isEmpty()) {
            return null;
        }
        for (TensorMetadata output : metadata.outputs()) {
            if (output.datatype().startsWith("INT") || output.datatype().startsWith("UINT")) {
                return output.name();
            }
        }
        for (TensorMetadata output : metadata.outputs()) {
            if (output.datatype().startsWith("FP")) {
                return output.name();
            }
        }
        throw new InputException(url + ": none of the model's outputs is a label (INT) or score (FP) tensor: "
                + metadata.outputs().stream().map(TensorMetadata::describe).toList());
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
        return client.modelUrl();
    }

    public RemoteStats stats() {
        return stats;
    }

    /** Told after every answered request: answers so far out of those this call has to ask for. */
    public void onProgress(ProgressListener listener) {
        this.progress = listener;
    }

    @Override
    public long[] predictLabels(float[] images, int count) {
        Object[] answers = answer(images, count, false);
        long[] labels = new long[answers.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (Long) answers[i];
        }
        return labels;
    }

    /**
     * One answer per image (a label, or with {@code scores} a row of scores), from the cache where
     * known, else asked in batches within the budget; the cache is saved after every request.
     */
    Object[] answer(float[] values, int n, boolean scores) {
        int size = spec.pixelsPerImage();
        Object[] answers = new Object[n];
        String[] keys = new String[n];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (cache != null) {
                keys[i] = AnswerCache.key(values, i * size, size);
                answers[i] = cache.get(keys[i]);
            }
            if (answers[i] == null) {
                missing.add(i);
            }
        }
        stats.cached(n - missing.size());
        int start = 0;
        while (start < missing.size()) {
            int chunkSize = (int) Math.min(Math.min(batchSize, missing.size() - start), Math.max(1, budget.remaining()));
            List<Integer> chunk = missing.subList(start, start + chunkSize);
            Object[] answer;
            try {
                answer = ask(values, size, chunk, scores);
            } catch (OipClient.PayloadTooLargeException e) {
                if (chunkSize == 1) {
                    throw e;
                }
                batchSize = chunkSize / 2; // the server limits its body size: halve the batch for the rest of the run
                continue;
            }
            start += chunkSize;
            for (int j = 0; j < chunk.size(); j++) {
                int i = chunk.get(j);
                answers[i] = answer[j];
                if (cache != null) {
                    if (answer[j] instanceof float[] row) {
                        cache.put(keys[i], row);
                    } else {
                        cache.put(keys[i], (Long) answer[j]);
                    }
                }
            }
            if (cache != null) {
                cache.save();
            }
            progress.update(start, missing.size(), stats.queriesSent() + " queries sent, " + stats.retries() + " retries");
        }
        return answers;
    }

    private Object[] ask(float[] values, int size, List<Integer> images, boolean scores) {
        int k = images.size();
        float[] data = new float[k * size];
        for (int j = 0; j < k; j++) {
            System.arraycopy(values, images.get(j) * size, data, j * size, size);
        }
        long[] shape = spec.batchShape(k).getShape();
        byte[] body = InferenceProtocol.inferRequest(inputName, shape, data, 0, data.length, outputName);
        List<OutputTensor> outputs = client.infer(body, k, attempt -> {
            budget.spend(k);
            if (cache != null) {
                // recorded before the images leave: a run killed mid-request has still paid for them
                cache.addSpent(k);
                cache.save();
            }
        });
        Object[] answers = new Object[k];
        if (scores) {
            float[] rows = ScoreOutputs.scores(client.modelUrl() + "/infer", outputs, outputName, k, numClasses);
            for (int j = 0; j < k; j++) {
                answers[j] = Arrays.copyOfRange(rows, j * numClasses, (j + 1) * numClasses);
            }
        } else {
            long[] labels = LabelOutputs.labels(client.modelUrl() + "/infer", outputs, outputName, k, numClasses);
            for (int j = 0; j < k; j++) {
                answers[j] = labels[j];
            }
        }
        return answers;
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() before Java 21; its threads end with the client
    }
}
