package io.modelprint;

/**
 * Bad input from the user: a missing or malformed file, an invalid argument, a model that does not
 * fit. The message is meant to be shown as is: it names what is wrong and where.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
