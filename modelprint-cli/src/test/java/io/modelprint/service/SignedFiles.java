package io.modelprint.service;

import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.signature.SigningKey;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real fingerprints of tiny linear models, signed by their owners, as the bytes an owner uploads. */
final class SignedFiles {
    static final SigningKey ALICE = SigningKey.generate();
    static final SigningKey BOB = SigningKey.generate();
    static final LinearModel ALICE_MODEL = TinyFingerprints.target(1);
    static final LinearModel BOB_MODEL = TinyFingerprints.target(2);
    static final byte[] ALICE_FP = signed("alice-ipguard", ALICE, ALICE_MODEL, 3);
    static final byte[] BOB_FP = signed("bob-ipguard", BOB, BOB_MODEL, 5);

    private SignedFiles() {}

    private static byte[] signed(String name, SigningKey key, LinearModel model, long seed) {
        try {
            Path dir = Files.createTempDirectory("modelprint-signed-files");
            Path file = TinyFingerprints.write(dir, name, FingerprintSigner.sign(
                    List.of(TinyFingerprints.extract("ipguard", model, 20, seed)), key).get(0));
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
