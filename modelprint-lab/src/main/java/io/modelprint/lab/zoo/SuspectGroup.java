package io.modelprint.lab.zoo;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a zoo model stands relative to the target. */
public enum SuspectGroup {
    /** The owner's model itself. */
    TARGET,
    /** Post-processed copies of the target (paper §4.1): must verify as derived. */
    POSITIVE,
    /** Students trained on the target's answers (beyond the paper), reported separately. */
    EXTRACTION,
    /** Models independent of the target: must verify as independent. */
    NEGATIVE,
    /** In an owner's fleet: a model derived from the target, standing for a thief. */
    SURROGATE,
    /** In an owner's fleet: a model trained independently of the target, standing for an honest competitor. */
    REFERENCE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
