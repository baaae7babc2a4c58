package io.modelprint.signature;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/** An Ed25519 key pair that signs: an owner's (fingerprints) or a registry's (its evidence log). */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {
    /** A new key pair from the JDK's generator. */
    public static SigningKey generate() {
        try {
            var pair = KeyPairGenerator.getInstance(Ed25519.ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(Ed25519.ALGORITHM + " is missing from this JVM", e);
        }
    }

    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /** The public key's fingerprint (SHA-256 of its X.509 encoding, hex): who signed. */
    public String id() {
        return Ed25519.keyId(publicKey);
    }

    /** Whether the two halves belong together: a signature by the private key verifies with the public one. */
    public boolean matches() {
        byte[] probe = "modelprint-key-pair-check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Ed25519.verify(publicKey, probe, sign(probe));
    }

    @Override
    public String toString() {
        return "SigningKey[" + Ed25519.shortId(id()) + "]"; // never the private half
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey k && Arrays.equals(k.publicKey.getEncoded(), publicKey.getEncoded())
                && Arrays.equals(k.privateKey.getEncoded(), privateKey.getEncoded());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey.getEncoded());
    }
}
