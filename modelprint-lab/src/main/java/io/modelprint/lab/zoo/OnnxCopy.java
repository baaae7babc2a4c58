package io.modelprint.lab.zoo;

import io.modelprint.InputException;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.io.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A zoo model kept as ONNX (kind FORMAT-ONNX): its directory holds the PyTorch copy it was exported
 * from (so the zoo's checks apply as to any model) and {@code model.onnx}, whose SHA-256 the
 * provenance records; the bench asks the ONNX file through ONNX Runtime.
 */
public final class OnnxCopy {
    public static final String KIND = "FORMAT-ONNX";
    public static final String FILE_NAME = "model.onnx";
    static final String SHA256 = "onnxSha256";
    /** The test accuracy measured through ONNX Runtime (the manifest's). */
    static final String ACCURACY = "accuracyThroughOnnxRuntime";

    private OnnxCopy() {}

    /** The ONNX file of a FORMAT-ONNX model directory, checked against the hash its provenance recorded. */
    public static Path file(Path modelDir, ModelProvenance provenance) {
        Path file = modelDir.resolve(FILE_NAME);
        Object recorded = provenance.extra() == null ? null : provenance.extra().get(SHA256);
        if (!Files.isRegularFile(file) || recorded == null || !recorded.equals(Sha256.ofFile(file))) {
            throw new InputException(file + ": missing or changed since the zoo built it; run zoo build again");
        }
        return file;
    }
}
