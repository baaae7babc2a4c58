package io.modelprint.model.remote;

import java.util.List;
import java.util.Map;

/**
 * The answer to {@code GET /v2/models/<name>}: the inputs and outputs a served model declares, and
 * its {@code parameters} (string values; e.g. the defense a {@code modelprint serve --defense} states).
 */
public record ModelMetadata(String name, String platform, List<TensorMetadata> inputs, List<TensorMetadata> outputs,
        Map<String, String> parameters) {
    public ModelMetadata {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    public ModelMetadata(String name, String platform, List<TensorMetadata> inputs, List<TensorMetadata> outputs) {
        this(name, platform, inputs, outputs, Map.of());
    }
}
