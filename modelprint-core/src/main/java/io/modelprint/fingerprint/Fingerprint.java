package io.modelprint.fingerprint;

import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.Queries;

/**
 * Queries, the target's answers on them (labels; scores when the scheme compares scores), and how
 * they were made.
 */
public record Fingerprint(Queries queries, long[] labels, float[] scores, FingerprintMeta meta) {
    public Fingerprint {
        if (labels.length != queries.count()) {
            throw new IllegalArgumentException(queries.count() + " queries but " + labels.length + " labels");
        }
        if (scores != null && scores.length != (long) labels.length * meta.numClasses()) {
            throw new IllegalArgumentException(labels.length + " queries of " + meta.numClasses() + " classes but "
                    + scores.length + " scores");
        }
    }

    /** A label-only fingerprint. */
    public Fingerprint(Queries queries, long[] labels, FingerprintMeta meta) {
        this(queries, labels, null, meta);
    }

    public int size() {
        return labels.length;
    }

    public Answers answers() {
        return new Answers(labels, scores, meta.numClasses());
    }

    public Fingerprint withMeta(FingerprintMeta newMeta) {
        return new Fingerprint(queries, labels, scores, newMeta);
    }

    /**
     * The scheme that compares suspects with this fingerprint, built from the parameters it was made
     * with. Version 1 files are label-matching whatever their generator.
     */
    public Scheme<?> scheme() {
        if (meta.formatVersion() == 1) {
            return Scheme.labelMatching(meta.scheme(), null, SchemeParameters.none());
        }
        return Schemes.recorded(meta.scheme(), meta.parameters(), meta.selection(), "fingerprint");
    }
}
