package io.modelprint.verify;

/** The verdict on a suspect. */
public enum Decision {
    DERIVED,
    INDEPENDENT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
