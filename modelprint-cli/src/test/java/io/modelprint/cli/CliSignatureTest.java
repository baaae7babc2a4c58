package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.fingerprint.ForgedFingerprints;
import io.modelprint.signature.KeyFiles;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An owner's key through the CLI: keys new, extract --sign, sign, info and verify saying who signed, calibrate, forgeries. */
class CliSignatureTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path target;
    static Path key;
    static String keyId;

    @BeforeAll
    static void aModelAndAKey() throws IOException {
        data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 600, 200, 28);
        for (int seed = 1; seed <= 3; seed++) {
            assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--seed",
                    Integer.toString(seed), "--out", dir.resolve("mlp-" + seed).toString()).exitCode());
        }
        target = dir.resolve("mlp-1");
        key = dir.resolve("owner-key");
        CliRunner.Result made = CliRunner.run("keys", "new", "--out", key.toString(), "--format", "json");
        assertEquals(0, made.exitCode(), made.err());
        keyId = made.json().get("keyFingerprint").asText();
    }

    private static Path extract(String name, String... extra) {
        Path out = dir.resolve(name + ".npz");
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("extract", "--model", target.toString(), "--n", "20",
                "--data", data.toString(), "--out", out.toString()), java.util.Arrays.stream(extra)).toArray(String[]::new);
        CliRunner.Result result = CliRunner.run(args);
        assertEquals(0, result.exitCode(), result.err());
        return out;
    }

    @Test
    void keysNewWritesAnOwnerOnlyKeyPrintsItsFingerprintAndNeverReplacesIt() throws IOException {
        assertEquals(64, keyId.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key.resolve(KeyFiles.PRIVATE))));
        assertEquals(1, Files.readAllLines(key.resolve(KeyFiles.PUBLIC)).size());
        byte[] before = Files.readAllBytes(key.resolve(KeyFiles.PRIVATE));
        CliRunner.Result again = CliRunner.run("keys", "new", "--out", key.toString());
        assertEquals(ExitCode.BAD_INPUT, again.exitCode());
        assertTrue(again.err().contains("never replaced"), again.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(key.resolve(KeyFiles.PRIVATE))));
        CliRunner.Result text = CliRunner.run("keys", "new", "--out", dir.resolve("other-key").toString());
        assertTrue(text.out().contains("key fingerprint ") && text.out().contains(KeyFiles.PUBLIC), text.out());
    }

    @Test
    void infoAndVerifySayWhoSignedInTextAndJson() {
        Path signed = extract("signed", "--sign", key.toString());
        Path unsigned = extract("unsigned");
        CliRunner.Result info = CliRunner.run("info", signed.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("signed by " + keyId.substring(0, 16) + " (Ed25519), signature verified"), info.out());
        JsonNode json = CliRunner.run("info", signed.toString(), "--format", "json").json();
        assertEquals("verified", json.get("signature").get("status").asText());
        assertEquals(keyId, json.get("signature").get("signedBy").get(0).asText());
        assertTrue(CliRunner.run("info", unsigned.toString()).out().contains("content hash verified; unsigned"));

        CliRunner.Result verify = CliRunner.run("verify", "--fingerprint", signed.toString(), target.toString());
        assertEquals(0, verify.exitCode(), verify.err());
        assertTrue(verify.out().startsWith("fingerprint " + signed + ": signed by " + keyId.substring(0, 16)), verify.out());
        JsonNode verifyJson = CliRunner.run("verify", "--fingerprint", unsigned.toString(), target.toString(), "--format", "json").json();
        assertEquals("unsigned", verifyJson.get("signature").get("status").asText());
        assertEquals(0, verifyJson.get("signature").get("signedBy").size());
    }

    @Test
    void signSignsAFileMadeEarlierAndAMissingKeyStopsExtractBeforeAnyWork() {
        Path file = extract("later");
        CliRunner.Result sign = CliRunner.run("sign", "--fingerprint", file.toString(), "--key", key.toString());
        assertEquals(0, sign.exitCode(), sign.err());
        assertTrue(sign.out().contains("with key " + keyId.substring(0, 16)), sign.out());
        assertEquals("verified", CliRunner.run("info", file.toString(), "--format", "json").json().get("signature").get("status")
                .asText());

        Path out = dir.resolve("never.npz");
        CliRunner.Result missing = CliRunner.run("extract", "--model", target.toString(), "--data", data.toString(), "--out",
                out.toString(), "--sign", dir.resolve("no-key").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("no such key directory"), missing.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void calibrateDropsTheSignatureItInvalidatesOrSignsAgain() {
        Path file = extract("to-calibrate", "--sign", key.toString());
        String[] calibrate = {"calibrate", "--fingerprint", file.toString(), "--negatives", dir.resolve("mlp-2").toString(),
            dir.resolve("mlp-3").toString()};
        CliRunner.Result dropped = CliRunner.run(calibrate);
        assertEquals(0, dropped.exitCode(), dropped.err());
        assertTrue(dropped.err().contains("the signature by key " + keyId.substring(0, 16)) && dropped.err().contains("was removed"),
                dropped.err());
        assertEquals("unsigned", CliRunner.run("info", file.toString(), "--format", "json").json().get("signature").get("status")
                .asText());
        String[] resign = java.util.stream.Stream.concat(java.util.Arrays.stream(calibrate), java.util.stream.Stream.of("--sign",
                key.toString())).toArray(String[]::new);
        assertEquals(0, CliRunner.run(resign).exitCode());
        JsonNode info = CliRunner.run("info", file.toString(), "--format", "json").json();
        assertEquals("verified", info.get("signature").get("status").asText());
        assertTrue(info.get("members").get(0).has("calibration"));
    }

    @Test
    void aForgedOrStaleSignatureIsRefusedByEveryCommandThatReadsTheFile() throws IOException {
        Path signed = extract("to-forge", "--sign", key.toString());
        Path forged = ForgedFingerprints.rewriteMeta(signed, dir.resolve("forged.npz"), meta -> meta.put("numClasses", 11));
        for (String[] args : new String[][] {{"info", forged.toString()},
            {"verify", "--fingerprint", forged.toString(), target.toString()},
            {"registry", "add", forged.toString(), "--owner", "mallory", "--db", dir.resolve("forged.db").toString()},
            {"sign", "--fingerprint", forged.toString(), "--key", key.toString()}}) {
            CliRunner.Result result = CliRunner.run(args);
            assertEquals(ExitCode.BAD_INPUT, result.exitCode(), String.join(" ", args));
            assertTrue(result.err().contains(forged + ": the signature does not verify"), args[0] + ": " + result.err());
        }
    }
}
