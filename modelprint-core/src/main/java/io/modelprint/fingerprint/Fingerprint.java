package io.modelprint.fingerprint;

import io.modelprint.scheme.Queries;

/** Queries, the target's labels on them, and how they were made. */
public record Fingerprint(Queries queries, long[] labels, FingerprintMeta meta) {
    public Fingerprint {
        if (labels.length != queries.count()) {
            throw new IllegalArgumentException(queries.count() + " queries but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }
}
