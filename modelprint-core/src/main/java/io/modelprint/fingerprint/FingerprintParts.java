package io.modelprint.fingerprint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entries of one fingerprint as its file holds them, encoded: {@code queries.npy},
 * {@code labels.npy}, {@code scores.npy} (score schemes only, else null), {@code field.npy} (the target's
 * gradient field: gradient schemes only, else null), {@code activations.npy} (the target's hidden layer on
 * the test cases: layer schemes only, else null), the target's weights
 * under {@code weights/} (schemes that compare weights only; by entry name, sorted) and
 * {@code meta.json}. In a bundle they sit under the member's name ({@code sac-w/queries.npy}).
 */
record FingerprintParts(byte[] queries, byte[] labels, byte[] scores, byte[] field, byte[] activations, Map<String, byte[]> tensors,
        byte[] meta) {
    static final String QUERIES = "queries.npy";
    static final String LABELS = "labels.npy";
    static final String SCORES = "scores.npy";
    static final String FIELD = "field.npy";
    static final String ACTIVATIONS = "activations.npy";
    static final String META = "meta.json";

    FingerprintParts {
        tensors = new TreeMap<>(tensors);
    }

    /** Every name a fingerprint's fixed entries may have under {@code prefix} ("" or "member/"); weights come on top. */
    static List<String> names(String prefix) {
        return List.of(prefix + QUERIES, prefix + LABELS, prefix + SCORES, prefix + FIELD, prefix + ACTIVATIONS, prefix + META);
    }

    /** The parts found under {@code prefix}; a missing one is null, the tensors every entry under its weights folder. */
    static FingerprintParts of(Map<String, byte[]> entries, String prefix) {
        Map<String, byte[]> tensors = new TreeMap<>();
        String folder = prefix + FingerprintWeights.FOLDER;
        entries.forEach((name, bytes) -> {
            if (name.startsWith(folder)) {
                tensors.put(name.substring(prefix.length()), bytes);
            }
        });
        return new FingerprintParts(entries.get(prefix + QUERIES), entries.get(prefix + LABELS),
                entries.get(prefix + SCORES), entries.get(prefix + FIELD), entries.get(prefix + ACTIVATIONS), tensors,
                entries.get(prefix + META));
    }

    FingerprintParts withMeta(byte[] newMeta) {
        return new FingerprintParts(queries, labels, scores, field, activations, tensors, newMeta);
    }

    /** The entries in file order under {@code prefix}: queries, labels, scores if any, field if any, activations if any, weights if any, meta. */
    Map<String, byte[]> entries(String prefix) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(prefix + QUERIES, queries);
        entries.put(prefix + LABELS, labels);
        if (scores != null) {
            entries.put(prefix + SCORES, scores);
        }
        if (field != null) {
            entries.put(prefix + FIELD, field);
        }
        if (activations != null) {
            entries.put(prefix + ACTIVATIONS, activations);
        }
        tensors.forEach((name, bytes) -> entries.put(prefix + name, bytes));
        entries.put(prefix + META, meta);
        return entries;
    }
}
