package io.modelprint.model;

import ai.djl.ndarray.NDArray;
import io.modelprint.data.SpecConversion;

/** A suspect that gives its scores, seen through an exact {@link SpecConversion} (scores pass through unchanged). */
final class ConvertedScored extends ConvertedClassifier implements Scored {
    private final Scored scored;

    ConvertedScored(Scored suspect, SpecConversion conversion) {
        super(suspect, conversion);
        this.scored = suspect;
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        try (NDArray converted = conversion.apply(batch)) {
            return scored.predictLogits(converted);
        }
    }
}
