package io.modelprint.model.remote;

import java.util.List;

/** A parsed {@code POST /v2/models/<name>/infer} body: its inputs and the outputs it asks for (empty: all). */
public record InferRequest(String id, List<OutputTensor> inputs, List<String> requestedOutputs) {
    public InferRequest {
        inputs = List.copyOf(inputs);
        requestedOutputs = List.copyOf(requestedOutputs);
    }
}
