package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input: a one-line error naming what and where, exit code 2, no output left behind. */
class CliBadInputTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path model;

    @BeforeAll
    static void smallModel() throws IOException {
        data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 200, 50, 28);
        model = dir.resolve("model");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--out", model.toString())
                .exitCode());
    }

    private static void assertRefused(String expectedInMessage, Path mustNotExist, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), "exit code for " + Arrays.toString(args) + "\n" + r.err());
        assertTrue(r.err().contains(expectedInMessage), "message names '" + expectedInMessage + "': " + r.err());
        assertTrue(r.out().isEmpty(), "nothing on stdout: " + r.out());
        if (mustNotExist != null) {
            assertFalse(Files.exists(mustNotExist), mustNotExist + " must not be written");
            try (var files = Files.list(mustNotExist.getParent())) {
                assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    private String[] extract(Path out, String... extra) {
        String[] base = {"extract", "--model", model.toString(), "--data", data.toString(), "--out", out.toString()};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void invalidFlagValues() {
        Path out = dir.resolve("bad.npz");
        assertRefused("--n must be > 0", out, extract(out, "--n", "0"));
        assertRefused("ipguard: parameter k must be a number >= 0, got '-1.0'", out, extract(out, "--k", "-1"));
        assertRefused("no scheme named there takes parameter 'k' (akh: n, augment)", out, extract(out, "--method", "akh", "--k", "3"));
        assertRefused("no scheme named there takes parameter 'mask' (zest: n, masks, grid, maskSeed)", out,
                extract(out, "--method", "zest", "--param", "mask=100"));
        assertRefused("zest: parameter masks must be an integer >= 2, got '1'", out, extract(out, "--method", "zest", "--param", "masks=1"));
        assertRefused("unknown scheme 'fgsm2'", out, extract(out, "--method", "fgsm2"));
        assertRefused("parameter init must be one of data, random, got 'sideways'", out, extract(out, "--init", "sideways"));
        assertRefused("--threshold must be in [-1,1]", null, "verify", "--fingerprint", out.toString(), "--threshold", "2", model.toString());
        assertRefused("--arch: unknown architecture 'alexnet'", null, "train", "--arch", "alexnet", "--data", data.toString(),
                "--out", dir.resolve("x").toString());
        assertRefused("Missing required option", null, "extract", "--model", model.toString());
    }

    @Test
    void theSameReferenceTwiceIsRefusedByContentNotByName() throws IOException {
        Path fingerprint = dir.resolve("calibrate-me.npz");
        assertEquals(0, CliRunner.run(extract(fingerprint, "--n", "20")).exitCode());
        byte[] before = Files.readAllBytes(fingerprint);
        Path copy = dir.resolve("model-copy");
        Files.createDirectories(copy);
        try (var files = Files.list(model)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        assertRefused("is the same model as " + model, null, "calibrate", "--fingerprint", fingerprint.toString(), "--negatives",
                model.toString(), copy.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(fingerprint)), "the fingerprint is left as it was");
    }

    @Test
    void aReadOnlyFingerprintIsNotReplacedEvenByRoot() throws IOException {
        Path kept = dir.resolve("kept.npz");
        Files.writeString(kept, "not to be replaced");
        Files.setPosixFilePermissions(kept, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        CliRunner.Result r = CliRunner.run(extract(kept, "--n", "20"));
        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("--out " + kept + ": permission denied (the file is read-only)"), r.err());
        assertEquals("not to be replaced", Files.readString(kept));
    }

    @Test
    void uselessOrImpossibleWorkIsRefusedBeforeOrInsteadOfWritingIt() {
        Path out = dir.resolve("useless.npz");
        assertRefused("only 0 of 20 queries met the ipguard rule", out, extract(out, "--n", "20", "--max-iter", "0"));
        assertRefused("more than one extraction holds", out, extract(out, "--n", "100000000"));
        assertRefused("--min-converged must be a fraction", out, extract(out, "--min-converged", "2"));
        assertRefused("--out: empty path", null, "extract", "--model", model.toString(), "--data", data.toString(), "--out", "");
        Path diverged = dir.resolve("diverged");
        assertRefused("training diverged", diverged, "train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1",
                "--lr", "1e30", "--out", diverged.toString());
        assertRefused("--max-queries must be at least 1", null, "verify", "--fingerprint", out.toString(), "--max-queries", "0",
                "http://127.0.0.1:9/v2/models/m");
        assertRefused("connection refused", null, "bench", "http", "--url", "http://127.0.0.1:9/v2/models/m", "--requests", "1");
        Path fp = dir.resolve("engine.npz");
        assertEquals(0, CliRunner.run(extract(fp, "--n", "5")).exitCode());
        CliRunner.Result engine = CliRunner.run("verify", "--fingerprint", fp.toString(), "--engine", "onnxruntime", model.toString());
        assertEquals(ExitCode.PARTIAL_FAILURE, engine.exitCode());
        assertTrue(engine.out().contains("needs an .onnx file, not a directory"), engine.out());
        // a matching rate is in [0,1]: -1 would call every suspect derived; refused before the (unreachable) suspect is asked
        assertRefused("--threshold -1.0 is outside the similarity range [0,1] of scheme ipguard (matching-rate)", null, "verify",
                "--fingerprint", fp.toString(), "--threshold", "-1", "http://127.0.0.1:9/v2/models/m");
    }

    @Test
    void missingOrWrongFiles() throws IOException {
        Path out = dir.resolve("fp.npz");
        Path nowhere = dir.resolve("nowhere");
        assertRefused(nowhere.toString(), out, "extract", "--model", nowhere.toString(), "--data", data.toString(), "--out", out.toString());
        Path notModel = Files.writeString(dir.resolve("weights.bin"), "not a model");
        assertRefused("not a model", out, "extract", "--model", notModel.toString(), "--data", data.toString(), "--out", out.toString());
        assertRefused("no such fingerprint file", null, "verify", "--fingerprint", dir.resolve("none.npz").toString(), model.toString());
        assertRefused(dir.resolve("empty").toString(), dir.resolve("m2"), "train", "--arch", "mlp", "--data",
                Files.createDirectories(dir.resolve("empty")).toString(), "--out", dir.resolve("m2").toString());
    }

    @Test
    void truncatedDataAndTamperedFingerprint() throws IOException {
        Path cut = Files.createDirectories(dir.resolve("cut"));
        for (String name : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(data.resolve(name), cut.resolve(name));
        }
        byte[] images = Files.readAllBytes(cut.resolve("train-images-idx3-ubyte.gz"));
        Files.write(cut.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(images, images.length / 3));
        assertRefused("train-images-idx3-ubyte.gz", dir.resolve("m3"), "train", "--arch", "mlp", "--data", cut.toString(),
                "--out", dir.resolve("m3").toString());

        Path fp = dir.resolve("good.npz");
        assertEquals(0, CliRunner.run(extract(fp, "--n", "5")).exitCode());
        byte[] bytes = Files.readAllBytes(fp);
        Path tampered = dir.resolve("tampered.npz");
        Files.write(tampered, Arrays.copyOf(bytes, bytes.length - 30));
        assertRefused(tampered.toString(), null, "verify", "--fingerprint", tampered.toString(), model.toString());
    }

    @Test
    void existingOutputSurvivesAFailedRun() throws IOException {
        Path fp = dir.resolve("keep.npz");
        assertEquals(0, CliRunner.run(extract(fp, "--n", "5")).exitCode());
        byte[] before = Files.readAllBytes(fp);
        CliRunner.Result r = CliRunner.run("extract", "--model", dir.resolve("gone").toString(), "--data", data.toString(),
                "--out", fp.toString());
        assertEquals(ExitCode.BAD_INPUT, r.exitCode());
        assertTrue(Arrays.equals(before, Files.readAllBytes(fp)), "the earlier fingerprint is untouched");
    }
}
