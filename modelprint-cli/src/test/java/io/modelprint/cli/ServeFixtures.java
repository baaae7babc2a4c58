package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Two owners' small trained models and their signed fingerprints, made once per test JVM for the tests of
 * registry serve, and alice's model directory zipped as a hub uploads it
 * ({@link ServiceBenchFiles#zip}).
 */
final class ServeFixtures {
    static final Path DIR;
    static final Path ALICE;
    static final Path BOB;
    static final Path ALICE_FP;
    static final Path BOB_FP;
    static final Path ALICE_ZIP;

    static {
        try {
            DIR = Files.createTempDirectory("modelprint-serve-fixtures");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> io.modelprint.io.AtomicFiles.deleteTreeQuietly(DIR)));
            Path data = SyntheticData.writeFashionMnistLike(DIR.resolve("data"), 600, 200, 28);
            ALICE = train(data, "alice", 1);
            BOB = train(data, "bob", 2);
            ALICE_FP = signedFingerprint(data, ALICE, "alice");
            BOB_FP = signedFingerprint(data, BOB, "bob");
            ALICE_ZIP = ServiceBenchFiles.zip(ALICE, DIR.resolve("alice.zip"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ServeFixtures() {}

    private static Path train(Path data, String name, int seed) {
        Path model = DIR.resolve(name);
        CliRunner.Result trained = CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--seed",
                Integer.toString(seed), "--out", model.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        return model;
    }

    private static Path signedFingerprint(Path data, Path model, String owner) {
        Path key = DIR.resolve(owner + "-key");
        assertEquals(0, CliRunner.run("keys", "new", "--out", key.toString()).exitCode());
        Path fingerprint = DIR.resolve(owner + "-ipguard.npz");
        CliRunner.Result extracted = CliRunner.run("extract", "--model", model.toString(), "--n", "20", "--data", data.toString(),
                "--out", fingerprint.toString(), "--sign", key.toString());
        assertEquals(0, extracted.exitCode(), extracted.err());
        return fingerprint;
    }
}
