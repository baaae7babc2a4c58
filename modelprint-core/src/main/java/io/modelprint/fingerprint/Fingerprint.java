package io.modelprint.fingerprint;

import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.GradientField;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.Queries;

/**
 * Queries, the target's answers on them (labels; scores when the scheme compares scores), how they
 * were made, for a scheme that compares weights the target's weights (null otherwise; its meta
 * lists the same layers), and for a scheme that compares gradients the target's gradient field on
 * the queries (null otherwise).
 */
public record Fingerprint(Queries queries, long[] labels, float[] scores, FingerprintMeta meta, NetworkWeights weights,
        GradientField field) {
    public Fingerprint {
        if (labels.length != queries.count()) {
            throw new IllegalArgumentException(queries.count() + " queries but " + labels.length + " labels");
        }
        if (scores != null && scores.length != (long) labels.length * meta.numClasses()) {
            throw new IllegalArgumentException(labels.length + " queries of " + meta.numClasses() + " classes but "
                    + scores.length + " scores");
        }
        if (weights == null ? meta.network() != null : !weights.specs().equals(meta.network())) {
            throw new IllegalArgumentException("meta.json's network does not list the fingerprint's layers");
        }
        if (field != null && field.samples() != labels.length) {
            throw new IllegalArgumentException(labels.length + " queries but a gradient field of " + field.samples() + " samples");
        }
    }

    /** A fingerprint of queries and answers, with the target's weights (or null) and no gradient field. */
    public Fingerprint(Queries queries, long[] labels, float[] scores, FingerprintMeta meta, NetworkWeights weights) {
        this(queries, labels, scores, meta, weights, null);
    }

    /** A fingerprint of queries and answers (no weights). */
    public Fingerprint(Queries queries, long[] labels, float[] scores, FingerprintMeta meta) {
        this(queries, labels, scores, meta, null);
    }

    /** A label-only fingerprint. */
    public Fingerprint(Queries queries, long[] labels, FingerprintMeta meta) {
        this(queries, labels, null, meta);
    }

    public int size() {
        return labels.length;
    }

    public Answers answers() {
        return new Answers(labels, scores, meta.numClasses(), weights, field);
    }

    public Fingerprint withMeta(FingerprintMeta newMeta) {
        return new Fingerprint(queries, labels, scores, newMeta, weights, field);
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
