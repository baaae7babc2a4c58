package io.modelprint.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the learned verifier sees of a suspect's labels on the n queries. */
public enum VerifierFeatures {
    /** n features: 1 where the suspect gives the fingerprint's label, else 0. */
    AGREEMENT,
    /** n x classes features: the suspect's label on each query, one-hot (which wrong label it gives counts too). */
    ANSWERS;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The features named {@code label}; refused naming the known ones. */
    @JsonCreator
    public static VerifierFeatures parse(String label) {
        for (VerifierFeatures f : values()) {
            if (f.label().equals(label)) {
                return f;
            }
        }
        throw new IllegalArgumentException("verifier features '" + label + "' are not known (known: agreement, answers)");
    }

    /** How many features {@code queries} queries of {@code classes} classes make. */
    public int count(int queries, int classes) {
        return this == AGREEMENT ? queries : queries * classes;
    }

    /** The features of {@code suspect}'s labels against the {@code fingerprint}'s, for models of {@code classes} classes. */
    public double[] of(long[] fingerprint, long[] suspect, int classes) {
        if (fingerprint.length != suspect.length) {
            throw new IllegalArgumentException("label lists of " + fingerprint.length + " and " + suspect.length + " answers");
        }
        double[] features = new double[count(fingerprint.length, classes)];
        for (int i = 0; i < fingerprint.length; i++) {
            if (this == AGREEMENT) {
                features[i] = fingerprint[i] == suspect[i] ? 1 : 0;
            } else if (suspect[i] >= 0 && suspect[i] < classes) {
                features[i * classes + (int) suspect[i]] = 1;
            }
        }
        return features;
    }
}
