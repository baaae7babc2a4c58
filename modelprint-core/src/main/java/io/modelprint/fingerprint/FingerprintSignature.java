package io.modelprint.fingerprint;

import io.modelprint.io.Sha256;
import io.modelprint.signature.Ed25519;
import java.nio.charset.StandardCharsets;

/**
 * The owner's signature in a fingerprint's meta.json: who signed (the public key, base64 of its X.509
 * encoding) and the signature (base64) over {@link #signedBytes}: the ASCII text
 * {@code modelprint-fingerprint-signature-v1}, a line feed, the 64 hex digits of {@code contentSha256},
 * a line feed. The content hash covers the arrays and the rest of meta.json, not this field.
 */
public record FingerprintSignature(String algorithm, String publicKey, String signature) {
    static final String DOMAIN = "modelprint-fingerprint-signature-v1";

    /** The bytes an owner signs for a fingerprint whose content hash is {@code contentSha256}. */
    public static byte[] signedBytes(String contentSha256) {
        return (DOMAIN + "\n" + contentSha256 + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The signer's key fingerprint: SHA-256 (hex) of the public key's X.509 encoding. */
    public String signer() {
        return Sha256.hex(Ed25519.base64(publicKey, "signature.publicKey"));
    }
}
