package io.modelprint.registry;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.signature.SigningKey;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Tiny fingerprints of two owners, signed and unsigned, made once per test JVM. */
final class SignedFixtures {
    static final SigningKey ALICE = SigningKey.generate();
    static final SigningKey BOB = SigningKey.generate();
    static final SigningKey MALLORY = SigningKey.generate();
    static final SigningKey REGISTRY = SigningKey.generate();
    static final LinearModel ALICE_MODEL = TinyFingerprints.target(1);
    static final LinearModel BOB_MODEL = TinyFingerprints.target(2);
    static final LinearModel ALICE_COPY = LinearModel.perturbed(ALICE_MODEL, 0.05f, 9);
    static final Path DIR;
    static final Fingerprint ALICE_IPGUARD = TinyFingerprints.extract("ipguard", ALICE_MODEL, 20, 3);
    static final Fingerprint BOB_SAC = TinyFingerprints.extract("sac-w", BOB_MODEL, 20, 5);

    static {
        try {
            DIR = Files.createTempDirectory("modelprint-signed-fixtures");
            DIR.toFile().deleteOnExit();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SignedFixtures() {}

    /** {@code fingerprint} signed by {@code key} (null: unsigned) in a file of its own. */
    static Path file(String name, SigningKey key, Fingerprint fingerprint) {
        Path file = DIR.resolve(name + ".npz");
        if (!Files.exists(file)) {
            TinyFingerprints.write(DIR, name, key == null ? fingerprint : FingerprintSigner.sign(List.of(fingerprint), key).get(0));
        }
        return file;
    }

    static Path aliceIpguard() {
        return file("alice-ipguard", ALICE, ALICE_IPGUARD);
    }

    static Path bobSac() {
        return file("bob-sac", BOB, BOB_SAC);
    }
}
