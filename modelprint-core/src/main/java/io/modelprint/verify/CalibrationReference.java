package io.modelprint.verify;

import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;

/**
 * A model known to be independent of the target, as a calibration takes it: its name, how it was
 * made ({@code kind}; {@link Calibration#UNSPECIFIED} when nobody says), the SHA-256 of its weights
 * where known (null otherwise; it recognises a reference that helped choose the queries) and how to
 * open it as a suspect of a given fingerprint (the caller of {@code open} closes the model).
 */
public record CalibrationReference(String name, String kind, String weightsSha256, Opener opener) {
    public CalibrationReference {
        if (name == null || kind == null || opener == null) {
            throw new IllegalArgumentException("a reference needs a name, a kind and a way to open it");
        }
    }

    /** Opens the reference as a classifier of {@code fingerprint}'s queries. */
    @FunctionalInterface
    public interface Opener {
        Classifier open(Fingerprint fingerprint);
    }

    public Classifier open(Fingerprint fingerprint) {
        return opener.open(fingerprint);
    }
}
