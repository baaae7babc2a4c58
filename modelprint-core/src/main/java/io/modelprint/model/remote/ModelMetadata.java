package io.modelprint.model.remote;

import java.util.List;

/** The answer to {@code GET /v2/models/<name>}: the inputs and outputs a served model declares. */
public record ModelMetadata(String name, String platform, List<TensorMetadata> inputs, List<TensorMetadata> outputs) {
    public ModelMetadata {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
