package io.modelprint.registry.service;

/** The outcome of checking a bearer token: the principal, or why there is none. */
public record Authentication(Principal principal, Failure failure) {
    public enum Failure {
        /** No token was sent. */
        MISSING,
        /** Not a token of this registry (malformed, unknown, wrong secret, or revoked). */
        INVALID,
        /** A token of this registry past its expiry. */
        EXPIRED
    }

    static Authentication of(Principal principal) {
        return new Authentication(principal, null);
    }

    static Authentication failed(Failure failure) {
        return new Authentication(null, failure);
    }

    public boolean authenticated() {
        return principal != null;
    }
}
