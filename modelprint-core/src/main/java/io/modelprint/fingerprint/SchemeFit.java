package io.modelprint.fingerprint;

import io.modelprint.InputException;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;

/**
 * Whether the scheme a fingerprint names fits the arrays it holds: the scheme builds from the recorded
 * parameters, meta.json's representation, distance and access are the scheme's own, scores are there
 * exactly when the scheme compares scores, weights exactly when it compares weights, a gradient field exactly when it compares gradients, layer activations exactly when it compares hidden layers, a learned verifier exactly when the scheme scores with one,
 * no calibration for a tampering scheme,
 * and the scheme computes the fingerprint's similarity to itself (a finite number). A scheme relabelled in meta.json (hash recomputed) is refused here, at
 * read, instead of failing inside every later scan.
 */
final class SchemeFit {
    private SchemeFit() {}

    static void check(String where, Fingerprint fingerprint) {
        FingerprintMeta meta = fingerprint.meta();
        Scheme<?> scheme;
        try {
            scheme = meta.formatVersion() == 1 ? fingerprint.scheme()
                    : Schemes.recorded(meta.scheme(), meta.parameters(), meta.selection(), where);
        } catch (InputException e) {
            // a scheme that refuses what the file recorded (no selection, a verifier it does not have) names no file itself
            throw e.getMessage().startsWith(where) ? e : new InputException(where + ": " + e.getMessage(), e);
        }
        if (meta.formatVersion() != 1) {
            same(where, meta.scheme(), "representation", meta.representation(), scheme.representation().name());
            same(where, meta.scheme(), "distance", meta.distance(), scheme.distance().name());
            same(where, meta.scheme(), "access", meta.access(), scheme.suspectAccess().label());
        }
        boolean weights = scheme.suspectAccess() == Access.WEIGHTS;
        if (weights != (fingerprint.weights() != null)) {
            throw new InputException(where + ": scheme " + meta.scheme() + (weights ? " compares weights, but the file holds none"
                    : " does not compare weights, but the file holds the target's") + ": the scheme does not fit the arrays");
        }
        boolean gradients = scheme.suspectAccess() == Access.GRADIENTS;
        if (gradients != (fingerprint.field() != null)) {
            throw new InputException(where + ": scheme " + meta.scheme() + (gradients ? " compares gradient fields, but the file holds none (no "
                    + FingerprintParts.FIELD + ")" : " does not compare gradient fields, but the file holds " + FingerprintParts.FIELD)
                    + ": the scheme does not fit the arrays");
        }
        boolean layers = scheme.suspectAccess() == Access.LAYERS;
        if (layers != (fingerprint.activations() != null)) {
            throw new InputException(where + ": scheme " + meta.scheme() + (layers ? " compares hidden layers, but the file holds no"
                    + " layer activations (no " + FingerprintParts.ACTIVATIONS + ")" : " does not compare hidden layers, but the file holds "
                    + FingerprintParts.ACTIVATIONS) + ": the scheme does not fit the arrays");
        }
        boolean scores = scheme.suspectAccess().comparesScores();
        if (scores && fingerprint.scores() == null) {
            throw new InputException(where + ": scheme " + meta.scheme() + " compares scores, but the file holds labels only (no "
                    + FingerprintParts.SCORES + "): the scheme does not fit the arrays");
        }
        if (!scores && fingerprint.scores() != null) {
            throw new InputException(where + ": scheme " + meta.scheme() + " compares labels, but the file holds "
                    + FingerprintParts.SCORES + ": the scheme does not fit the arrays");
        }
        if (scheme.asksTampering() && meta.calibration() != null) {
            // a p-value would decide "unmodified" by independent models' similarities: a question this scheme does not ask
            throw new InputException(where + ": scheme " + meta.scheme() + " asks whether a model is still exactly the target and is"
                    + " never calibrated, but the file holds a calibration (meta.json 'calibration'): the scheme does not fit the file");
        }
        boolean verifier = meta.selection() != null && meta.selection().verifier() != null;
        if (verifier != scheme.distance().usesLearnedVerifier()) {
            throw new InputException(where + ": scheme " + meta.scheme() + (verifier ? " uses no learned verifier, but the file holds one"
                    : " scores with a learned verifier, but the file holds none") + " (meta.json 'selection.verifier'): the scheme"
                    + " does not fit the file");
        }
        double self;
        try {
            self = scheme.similarity(fingerprint.answers(), fingerprint.answers());
        } catch (RuntimeException e) {
            throw new InputException(where + ": scheme " + meta.scheme() + " cannot compare this fingerprint's "
                    + fingerprint.size() + " answers (" + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
                    + "): the scheme does not fit the arrays", e);
        }
        if (!Double.isFinite(self)) {
            throw new InputException(where + ": scheme " + meta.scheme() + " finds the fingerprint's similarity to itself "
                    + self + ": the scheme does not fit the arrays");
        }
    }

    private static void same(String where, String scheme, String field, String recorded, String actual) {
        if (!actual.equals(recorded)) {
            throw new InputException(where + ": meta.json says " + field + " '" + recorded + "', but scheme " + scheme + " uses '"
                    + actual + "': the scheme does not fit the file");
        }
    }
}
