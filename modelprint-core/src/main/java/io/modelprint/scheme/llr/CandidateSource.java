package io.modelprint.scheme.llr;

import java.util.Locale;

/** Where a candidate query of the fleet-llr pool came from. */
public enum CandidateSource {
    /** A seed image the target gets wrong, as AKH's queries. */
    MISTAKE,
    /** A seed image the target gets right, pushed off its label by a small L∞ PGD step on the target. */
    PGD,
    /** A seed image with a box pasted from another seed image (CutMix). */
    CUTMIX;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
