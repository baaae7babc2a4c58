package io.modelprint.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelprint.data.InputSpec;
import java.util.Map;

/**
 * {@code provenance.json} beside a model's weights: what made the model, from which data and
 * seed, how accurate it is, and the SHA-256 of its weights file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelProvenance(
        int formatVersion,
        String arch,
        InputSpec inputSpec,
        int numClasses,
        String dataset,
        int trainImages,
        long seed,
        int epochs,
        int batchSize,
        String optimizer,
        double learningRate,
        double testAccuracy,
        double seconds,
        String weightsFile,
        String weightsSha256,
        String parent,
        Map<String, Object> extra) {

    public static final String FILE_NAME = "provenance.json";
    public static final int FORMAT_VERSION = 1;

    /** The same provenance with another test accuracy (e.g. the one measured behind an evasive defense). */
    public ModelProvenance withTestAccuracy(double value) {
        return new ModelProvenance(formatVersion, arch, inputSpec, numClasses, dataset, trainImages, seed, epochs, batchSize, optimizer,
                learningRate, value, seconds, weightsFile, weightsSha256, parent, extra);
    }
}
