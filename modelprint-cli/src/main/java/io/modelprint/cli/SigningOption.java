package io.modelprint.cli;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.signature.Ed25519;
import io.modelprint.signature.KeyFiles;
import io.modelprint.signature.SigningKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * {@code --sign KEYDIR}: the owner's key signs the fingerprint a command writes. Loaded before any
 * work ({@link #load}) so a missing or exposed key stops the command before a long extraction.
 */
final class SigningOption {
    @Option(names = "--sign", paramLabel = "KEYDIR",
            description = "sign the fingerprint (every member of a bundle) with the owner's key in KEYDIR (modelprint keys new);"
                    + " registry add takes signed fingerprints only")
    Path keyDir;

    private SigningKey key;

    /** The key, loaded once; null without --sign. */
    SigningKey load() {
        if (keyDir != null && key == null) {
            key = KeyFiles.load(keyDir);
        }
        return key;
    }

    /** {@code members} as they are written: signed with --sign (said on stderr), else as they are. */
    List<Fingerprint> apply(String command, List<Fingerprint> members) {
        if (load() == null) {
            return members;
        }
        System.err.println(command + ": signed with key " + Ed25519.shortId(key.id()) + " (" + keyDir + ")");
        return FingerprintSigner.sign(members, key);
    }

    /**
     * {@code changed} (made from {@code before}, whose content hash it no longer has) as written: signed
     * with --sign; else unsigned, and a signature {@code before} carried is said to be gone.
     */
    List<Fingerprint> afterChange(String command, List<Fingerprint> before, List<Fingerprint> changed) {
        if (load() != null) {
            return apply(command, changed);
        }
        List<String> signers = before.stream().map(m -> m.meta().signature()).filter(Objects::nonNull)
                .map(s -> Ed25519.shortId(s.signer())).distinct().toList();
        if (!signers.isEmpty()) {
            System.err.println(command + ": the signature by key " + String.join(", ", signers) + " covered the content before this"
                    + " change and was removed; sign again with --sign KEYDIR or modelprint sign");
        }
        return changed.stream().map(m -> m.withMeta(m.meta().withSignature(null))).toList();
    }
}
