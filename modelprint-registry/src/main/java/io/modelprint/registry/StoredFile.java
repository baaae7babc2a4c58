package io.modelprint.registry;

import io.modelprint.fingerprint.FingerprintFile;

/** A registry entry and its fingerprint file's bytes, exactly as added. */
public record StoredFile(RegistryEntry entry, byte[] bytes) {
    /** The file's fingerprints, decoded and checked as a file on disk would be. */
    public RegisteredFingerprint decode() {
        return new RegisteredFingerprint(entry, FingerprintFile.readBundle("registry entry " + entry.id(), bytes));
    }
}
