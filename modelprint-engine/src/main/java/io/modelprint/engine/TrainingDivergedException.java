package io.modelprint.engine;

import io.modelprint.InputException;

/** Training produced a non-finite loss: the weights are useless and must not be saved. */
public final class TrainingDivergedException extends InputException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
