package io.modelprint.fingerprint;

import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.GradientField;
import io.modelprint.scheme.LayerActivations;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.Queries;

/**
 * Queries, the target's answers on them (labels; scores when the scheme compares scores), how they
 * were made, for a scheme that compares weights the target's weights (null otherwise; its meta
 * lists the same layers), for a scheme that compares gradients the target's gradient field on
 * the queries (null otherwise), and for a scheme that compares hidden layers the target's layer
 * activations on the queries (null otherwise; its meta lists the target's layers, without their weights).
 */
public record Fingerprint(Queries queries, long[] labels, float[] scores, FingerprintMeta meta, NetworkWeights weights,
        GradientField field, LayerActivations activations) {
    public Fingerprint {
        if (labels.length != queries.count()) {
            throw new IllegalArgumentException(queries.count() + " queries but " + labels.length + " labels");
        }
        if (scores != null && scores.length != (long) labels.length * meta.numClasses()) {
            throw new IllegalArgumentException(labels.length + " queries of " + meta.numClasses() + " classes but "
                    + scores.length + " scores");
        }
        if (weights != null && activations != null) {
            throw new IllegalArgumentException("a fingerprint holds the target's weights or its layer activations, not both");
        }
        java.util.List<?> layers = weights != null ? weights.specs() : activations != null ? activations.network() : null;
        if (layers == null ? meta.network() != null : !layers.equals(meta.network())) {
            throw new IllegalArgumentException("meta.json's network does not list the fingerprint's layers");
        }
        if (field != null && field.samples() != labels.length) {
            throw new IllegalArgumentException(labels.length + " queries but a gradient field of " + field.samples() + " samples");
        }
        if (activations != null && activations.tests() != labels.length) {
            throw new IllegalArgumentException(labels.length + " queries but layer activations of " + activations.tests() + " tests");
        }
    }

    /** A fingerprint of queries and answers, with the target's weights (or null), its gradient field (or null) and no activations. */
    public Fingerprint(Queries queries, long[] labels, float[] scores, FingerprintMeta meta, NetworkWeights weights,
            GradientField field) {
        this(queries, labels, scores, meta, weights, field, null);
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
        return new Answers(labels, scores, meta.numClasses(), weights, field, activations);
    }

    public Fingerprint withMeta(FingerprintMeta newMeta) {
        return new Fingerprint(queries, labels, scores, newMeta, weights, field, activations);
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
