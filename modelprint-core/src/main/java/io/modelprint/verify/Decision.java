package io.modelprint.verify;

/** The verdict on a suspect: derived or independent (derivation schemes), unmodified or modified (tampering schemes). */
public enum Decision {
    DERIVED,
    INDEPENDENT,
    UNMODIFIED,
    MODIFIED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
