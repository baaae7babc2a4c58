package io.modelprint.fingerprint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelprint.data.InputSpec;
import java.util.Map;

/**
 * The {@code meta.json} of a fingerprint file: everything needed to know what the arrays are and
 * where they came from. {@code contentSha256} covers the bytes of {@code queries.npy} followed by
 * {@code labels.npy}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FingerprintMeta(
        int formatVersion,
        String scheme,
        String representation,
        String distance,
        Map<String, Object> parameters,
        InputSpec inputSpec,
        int numClasses,
        String targetModel,
        String targetSha256,
        long seed,
        String seedSource,
        String createdAt,
        Map<String, Object> stats,
        String contentSha256,
        Calibration calibration) {

    public static final int FORMAT_VERSION = 1;

    public FingerprintMeta withContentSha256(String sha) {
        return new FingerprintMeta(formatVersion, scheme, representation, distance, parameters, inputSpec, numClasses,
                targetModel, targetSha256, seed, seedSource, createdAt, stats, sha, calibration);
    }

    public FingerprintMeta withCalibration(Calibration newCalibration) {
        return new FingerprintMeta(formatVersion, scheme, representation, distance, parameters, inputSpec, numClasses,
                targetModel, targetSha256, seed, seedSource, createdAt, stats, contentSha256, newCalibration);
    }
}
