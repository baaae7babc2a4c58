package io.modelprint.registry.service;

/**
 * A bearer token as issued: {@code token} is shown once and never stored (the database keeps the
 * SHA-256 of its secret part).
 *
 * @param expiresAt ISO-8601 instant, or null when it does not expire
 */
public record IssuedToken(String token, String tokenId, Principal principal, String expiresAt) {
    @Override
    public String toString() {
        return "IssuedToken[" + tokenId + " for " + principal.name() + "]"; // never the secret in a log line
    }
}
