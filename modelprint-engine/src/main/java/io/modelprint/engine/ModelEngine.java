package io.modelprint.engine;

import io.modelprint.InputException;
import java.util.Locale;

/** Which engine opens a model file: picked from the path ({@code AUTO}) or forced with {@code --engine}. */
public enum ModelEngine {
    AUTO, PYTORCH, ONNXRUNTIME;

    public static ModelEngine parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "auto" -> AUTO;
            case "pytorch", "torchscript", "pt" -> PYTORCH;
            case "onnxruntime", "onnx", "ort" -> ONNXRUNTIME;
            default -> throw new InputException("--engine must be auto, pytorch or onnxruntime, got \"" + text + "\"");
        };
    }
}
