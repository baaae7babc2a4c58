package io.modelprint.scheme;

import io.modelprint.verify.Decision;

/**
 * What a scheme's verdict answers: whether a suspect was derived from the target (derived /
 * independent), or whether it still is exactly the target (unmodified / modified: tampering, SSF).
 * The two are never combined in one bundle and only derivation similarities are calibrated.
 */
public enum Question {
    DERIVATION(Decision.DERIVED, Decision.INDEPENDENT),
    TAMPERING(Decision.UNMODIFIED, Decision.MODIFIED);

    private final Decision atThreshold;
    private final Decision below;

    Question(Decision atThreshold, Decision below) {
        this.atThreshold = atThreshold;
        this.below = below;
    }

    /** The decision for a similarity at or above the threshold ({@code reached}) or below it. */
    public Decision decide(boolean reached) {
        return reached ? atThreshold : below;
    }

    /** "derived / independent". */
    public String vocabulary() {
        return atThreshold.label() + " / " + below.label();
    }
}
