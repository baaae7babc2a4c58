package io.modelprint.model.remote;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import java.util.Arrays;

/**
 * What was agreed with a served model when connecting: its metadata (null when it offers none), the
 * input to send images as, which output holds labels and which scores (null: let the server answer
 * with its one output), and the batch size (1 when the model's batch dimension is fixed at 1).
 */
record RemoteEndpoint(OipClient client, ModelMetadata metadata, String inputName, String labelOutput,
        String scoreOutput, int batchSize) {

    /** Normalizes {@code url}, reads the model's metadata when the server offers it and checks it against {@code spec}. */
    static RemoteEndpoint negotiate(String url, InputSpec spec, RemoteOptions options, RemoteStats stats) {
        String modelUrl = normalize(url);
        OipClient client = new OipClient(modelUrl, options, stats);
        ModelMetadata metadata = client.metadata();
        if (metadata == null) {
            return new RemoteEndpoint(client, null, "input", null, null, options.batchSize());
        }
        String inputName = checkInput(modelUrl, metadata, spec);
        int batchSize = metadata.inputs().get(0).shape()[0] == 1 ? 1 : options.batchSize();
        return new RemoteEndpoint(client, metadata, inputName, labelOutput(modelUrl, metadata), firstFloating(metadata),
                batchSize);
    }

    String modelUrl() {
        return client.modelUrl();
    }

    /** Whether scores can be asked for: the metadata lists a floating output, or there is no metadata to say. */
    boolean offersScores() {
        return metadata == null || scoreOutput != null;
    }

    /** The output to ask for {@code kind} of answers. */
    String output(AnswerCache.Kind kind) {
        return kind == AnswerCache.Kind.SCORES ? scoreOutput : labelOutput;
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

    /** The first integer output (labels), else the first floating one (reduced to labels); null when none is listed. */
    private static String labelOutput(String url, ModelMetadata metadata) {
        if (metadata.outputs().isEmpty()) {
            return null;
        }
        for (TensorMetadata output : metadata.outputs()) {
            if (output.datatype().startsWith("INT") || output.datatype().startsWith("UINT")) {
                return output.name();
            }
        }
        String floating = firstFloating(metadata);
        if (floating == null) {
            throw new InputException(url + ": none of the model's outputs is a label (INT) or score (FP) tensor: "
                    + metadata.outputs().stream().map(TensorMetadata::describe).toList());
        }
        return floating;
    }

    private static String firstFloating(ModelMetadata metadata) {
        for (TensorMetadata output : metadata.outputs()) {
            if (output.datatype().startsWith("FP")) {
                return output.name();
            }
        }
        return null;
    }
}
