package io.modelprint.model.remote;

import io.modelprint.InputException;

/** A message that does not follow the Open Inference Protocol; the text says what was expected. */
public class ProtocolException extends InputException {
    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
