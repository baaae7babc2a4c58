package io.modelprint.serve;

/** A request the server refuses; becomes an HTTP 4xx with {@code {"error": message}}. */
final class BadRequest extends RuntimeException {
    private final int status;

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
