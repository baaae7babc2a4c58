package io.modelprint.signature;

import io.modelprint.InputException;
import io.modelprint.io.Sha256;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 from the JDK: signing, verifying, and keys as text. A public key is named by its
 * fingerprint, the SHA-256 (hex) of its X.509 encoding; {@link #shortId} is the first 16 hex digits.
 */
public final class Ed25519 {
    public static final String ALGORITHM = "Ed25519";
    /** Hex digits of a key fingerprint shown in text output. */
    public static final int SHORT_ID = 16;

    private Ed25519() {}

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code signature} is {@code key}'s signature of {@code message}; false for any malformed signature. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (java.security.SignatureException | java.security.InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        }
    }

    /** The key's X.509 encoding as one line of base64. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** An Ed25519 public key from its base64 X.509 encoding; {@code where} names it when it is not one. */
    public static PublicKey publicKey(String base64, String where) {
        if (base64 == null || base64.isBlank()) {
            throw new InputException(where + ": no public key");
        }
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip())));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InputException(where + ": not an " + ALGORITHM + " public key (base64 of its X.509 encoding expected)");
        }
    }

    /** Base64 text as bytes; {@code where} names it when it is not base64. */
    public static byte[] base64(String text, String where) {
        try {
            return Base64.getDecoder().decode(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": not base64");
        }
    }

    /** The key's fingerprint: SHA-256 of its X.509 encoding, 64 hex digits. */
    public static String keyId(PublicKey key) {
        return Sha256.hex(key.getEncoded());
    }

    /** The first {@link #SHORT_ID} hex digits of a key fingerprint (null stays null). */
    public static String shortId(String keyId) {
        return keyId == null ? null : keyId.substring(0, Math.min(SHORT_ID, keyId.length()));
    }
}
