package io.modelprint.fingerprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelprint.InputException;
import io.modelprint.io.Sha256;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a fingerprint's {@code contentSha256} covers, listed once for writing it and for checking it.
 * Version 1: {@code queries.npy} then {@code labels.npy}. Version 2: the arrays ({@code scores.npy}
 * when present, then {@code field.npy} and {@code activations.npy} when present, then the {@code weights/} entries when present, in entry-name order) then
 * {@code meta.json} without its hash and its signature (parsed, keys sorted, no whitespace).
 */
final class FingerprintHash {
    private static final ObjectMapper CANONICAL = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private FingerprintHash() {}

    /** The hash of {@code parts} as a fingerprint of {@code formatVersion}; the hash in their meta is left out. */
    static String of(int formatVersion, FingerprintParts parts) {
        List<byte[]> hashed = new ArrayList<>(List.of(parts.queries(), parts.labels()));
        if (formatVersion != 1) {
            if (parts.scores() != null) {
                hashed.add(parts.scores());
            }
            if (parts.field() != null) {
                hashed.add(parts.field());
            }
            if (parts.activations() != null) {
                hashed.add(parts.activations());
            }
            hashed.addAll(parts.tensors().values()); // sorted by name: FingerprintParts keeps them so
            hashed.add(canonicalMeta(parts.meta()));
        }
        return Sha256.hex(hashed.toArray(new byte[0][]));
    }

    private static byte[] canonicalMeta(byte[] metaJson) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = CANONICAL.readValue(metaJson, Map.class);
            tree.remove("contentSha256");
            tree.remove("signature"); // the owner's signature is over the hash, so the hash leaves it out
            return CANONICAL.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new InputException("meta.json is not valid JSON: " + e.getMessage());
        }
    }
}
