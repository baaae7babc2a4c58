package io.modelprint.service;

/** A refused request: an HTTP status and a message for the caller (never a stack trace, never another owner's name). */
final class ApiError extends RuntimeException {
    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiError notFound(String what) {
        return new ApiError(404, what + ": not found");
    }
}
