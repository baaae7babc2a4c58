package io.modelprint.fleet;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a model of the owner's fleet stands for. */
public enum FleetRole {
    /** A model the owner derived from the target to stand for a thief (a student, a fine-tuned copy). */
    SURROGATE,
    /** A model the owner trained independently of the target to stand for an honest competitor. */
    REFERENCE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
