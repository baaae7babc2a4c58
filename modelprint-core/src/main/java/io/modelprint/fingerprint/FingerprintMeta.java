package io.modelprint.fingerprint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.data.InputSpec;
import io.modelprint.model.weights.LayerSpec;
import java.util.List;
import java.util.Map;

/**
 * The {@code meta.json} of a fingerprint file: everything needed to know what the arrays are and
 * where they came from. Version 1: {@code contentSha256} covers the bytes of {@code queries.npy}
 * followed by {@code labels.npy}. Version 2: it covers every array ({@code queries.npy},
 * {@code labels.npy}, {@code scores.npy} when present) and then this meta.json itself without the
 * hash (canonical JSON, keys sorted), so calibration and parameters cannot be edited unnoticed.
 * {@code signature} (optional, version 2) is the owner's Ed25519 signature over {@code contentSha256};
 * the hash leaves it out, as it leaves itself out. {@code network} (schemes that compare weights only)
 * lists the target's layers, whose arrays the file holds under {@code weights/}.
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
        Calibration calibration,
        QuerySelection selection,
        FingerprintSignature signature,
        List<LayerSpec> network) {

    /** Version written by this build; version 1 (labels only, arrays-only hash) is still read. */
    public static final int FORMAT_VERSION = 2;

    /** A meta.json without a network, as every scheme but weights writes it. */
    public FingerprintMeta(int formatVersion, String scheme, String representation, String distance, String access,
            Map<String, Object> parameters, InputSpec inputSpec, int numClasses, String targetModel, String targetSha256, long seed,
            String seedSource, String createdAt, Map<String, Object> stats, String contentSha256, Calibration calibration,
            QuerySelection selection, FingerprintSignature signature) {
        this(formatVersion, scheme, representation, distance, access, parameters, inputSpec, numClasses, targetModel, targetSha256,
                seed, seedSource, createdAt, stats, contentSha256, calibration, selection, signature, null);
    }

    public FingerprintMeta withContentSha256(String sha) {
        return new FingerprintMeta(formatVersion, scheme, representation, distance, access, parameters, inputSpec, numClasses,
                targetModel, targetSha256, seed, seedSource, createdAt, stats, sha, calibration, selection, signature, network);
    }

    /** A new calibration changes the content: the old signature no longer covers it and is dropped (sign again). */
    public FingerprintMeta withCalibration(Calibration newCalibration) {
        return new FingerprintMeta(formatVersion, scheme, representation, distance, access, parameters, inputSpec, numClasses,
                targetModel, targetSha256, seed, seedSource, createdAt, stats, contentSha256, newCalibration, selection, null, network);
    }

    /** The owner's signature over the content hash ({@link FingerprintSigner}); null: unsigned. */
    public FingerprintMeta withSignature(FingerprintSignature newSignature) {
        return new FingerprintMeta(formatVersion, scheme, representation, distance, access, parameters, inputSpec, numClasses,
                targetModel, targetSha256, seed, seedSource, createdAt, stats, contentSha256, calibration, selection, newSignature, network);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a meta.json field by field (DJL style), instead of a 16-argument constructor. */
    public static final class Builder {
        private int formatVersion = FORMAT_VERSION;
        private String scheme;
        private String representation;
        private String distance;
        private String access;
        private Map<String, Object> parameters = Map.of();
        private InputSpec inputSpec;
        private int numClasses;
        private String targetModel;
        private String targetSha256;
        private long seed;
        private String seedSource;
        private String createdAt;
        private Map<String, Object> stats;
        private Calibration calibration;
        private QuerySelection selection;
        private List<LayerSpec> network;

        private Builder() {}

        /** Scheme name, representation, distance and the access a suspect must give. */
        public Builder setScheme(String name, String representationName, String distanceName, String accessNeeded) {
            this.scheme = name;
            this.representation = representationName;
            this.distance = distanceName;
            this.access = accessNeeded;
            return this;
        }

        public Builder setParameters(Map<String, Object> value) {
            this.parameters = value;
            return this;
        }

        public Builder setInput(InputSpec spec, int classes) {
            this.inputSpec = spec;
            this.numClasses = classes;
            return this;
        }

        public Builder setTarget(String model, String sha256) {
            this.targetModel = model;
            this.targetSha256 = sha256;
            return this;
        }

        public Builder setSeed(long value, String source) {
            this.seed = value;
            this.seedSource = source;
            return this;
        }

        public Builder optCreatedAt(String value) {
            this.createdAt = value;
            return this;
        }

        public Builder optStats(Map<String, Object> value) {
            this.stats = value;
            return this;
        }

        public Builder optCalibration(Calibration value) {
            this.calibration = value;
            return this;
        }

        public Builder optSelection(QuerySelection value) {
            this.selection = value;
            return this;
        }

        /** The target's layers, for a scheme that compares weights. */
        public Builder optNetwork(List<LayerSpec> value) {
            this.network = value;
            return this;
        }

        public Builder optFormatVersion(int value) {
            this.formatVersion = value;
            return this;
        }

        public FingerprintMeta build() {
            if (scheme == null || inputSpec == null) {
                throw new IllegalStateException("a fingerprint's meta needs its scheme and input spec");
            }
            return new FingerprintMeta(formatVersion, scheme, representation, distance, access, parameters, inputSpec, numClasses,
                    targetModel, targetSha256, seed, seedSource, createdAt, stats, null, calibration, selection, null, network);
        }
    }
}
