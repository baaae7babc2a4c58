package io.modelprint.verify;

/**
 * What a verdict was decided by: a calibrated fingerprint's p-value against alpha, a threshold the
 * user gave, or (uncalibrated) the scheme's default threshold, which was tuned on one zoo and is no
 * evidence by itself.
 */
public enum DecisionBasis {
    P_VALUE("p-value"),
    THRESHOLD("threshold"),
    DEFAULT_THRESHOLD("uncalibrated"),
    /** A tampering scheme at its default: every sensitive sample within the tolerance an honest re-export needs. */
    TOLERANCE("tolerance");

    private final String label;

    DecisionBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
