package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.signature.Ed25519;

/** A registry entry and its fingerprint file's bytes, exactly as added. */
public record StoredFile(RegistryEntry entry, byte[] bytes) {
    /** The file's fingerprints, decoded and checked as a file on disk would be; refused when they cannot be used. */
    public RegisteredFingerprint decode() {
        String where = "registry entry " + entry.id();
        RegisteredFingerprint decoded = new RegisteredFingerprint(entry, FingerprintFile.readBundle(where, bytes));
        if (entry.ownerKey() != null) {
            String signer = FingerprintSigner.signer(where, decoded.members());
            if (!entry.ownerKey().equals(signer)) {
                throw new InputException(where + ": registered to key " + Ed25519.shortId(entry.ownerKey()) + " but signed by "
                        + (signer == null ? "nobody" : "key " + Ed25519.shortId(signer)) + " (the database was changed)");
            }
        }
        return decoded;
    }

    /** As {@link #decode}, but an entry that cannot be used is returned with the reason instead of refused. */
    public RegisteredFingerprint load() {
        try {
            return decode();
        } catch (InputException e) {
            return RegisteredFingerprint.unusable(entry, e.getMessage());
        } catch (RuntimeException e) {
            return RegisteredFingerprint.unusable(entry, "cannot be decoded (" + e + ")");
        }
    }
}
