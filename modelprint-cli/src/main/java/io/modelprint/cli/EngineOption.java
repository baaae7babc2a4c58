package io.modelprint.cli;

import io.modelprint.engine.ModelEngine;
import picocli.CommandLine.Option;

/** {@code --engine}: which engine opens a model file. */
final class EngineOption {
    @Option(names = "--engine", defaultValue = "auto", paramLabel = "ENGINE", completionCandidates = Choices.Engines.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}: from the path, a directory, .pt or .onnx file)")
    String engine;

    ModelEngine parse() {
        return ModelEngine.parse(engine);
    }
}
