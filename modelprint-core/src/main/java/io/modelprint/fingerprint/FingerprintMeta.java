package io.modelprint.fingerprint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelprint.data.InputSpec;
import java.util.Map;

/**
 * The {@code meta.json} of a fingerprint file: everything needed to know what the arrays are and
 * where they came from. Version 1: {@code contentSha256} covers the bytes of {@code queries.npy}
 * followed by {@code labels.npy}. Version 2: it covers every array ({@code queries.npy},
 * {@code labels.npy}, {@code scores.npy} when present) and then this meta.json itself without the
 * hash (canonical JSON, keys sorted), so calibration and parameters cannot be edited unnoticed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FingerprintMeta(
        int formatVersion,
        String scheme,
        String representation,
        String distance,
        String access,
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

    /** Version written by this build; version 1 (labels only, arrays-only hash) is still read. */
    public static final int FORMAT_VERSION = 2;

    public FingerprintMeta withContentSha256(String sha) {
        return new FingerprintMeta(formatVersion, scheme, representation, distance, access, parameters, inputSpec, numClasses,
                targetModel, targetSha256, seed, seedSource, createdAt, stats, sha, calibration);
    }

    public FingerprintMeta withCalibration(Calibration newCalibration) {
        return new FingerprintMeta(formatVersion, scheme, representation, distance, access, parameters, inputSpec, numClasses,
                targetModel, targetSha256, seed, seedSource, createdAt, stats, contentSha256, newCalibration);
    }
}
