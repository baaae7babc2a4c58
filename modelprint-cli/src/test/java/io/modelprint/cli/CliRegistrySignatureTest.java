package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.fingerprint.ForgedFingerprints;
import io.modelprint.io.Sha256;
import io.modelprint.signature.KeyFiles;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry through the CLI with signatures: what add refuses, who owns an id, an unusable entry in a scan, the log's key. */
class CliRegistrySignatureTest {
    @TempDir
    static Path dir;

    static Path model;
    static Path signed;
    static Path unsigned;
    static Path aliceKey;
    static Path malloryKey;

    @BeforeAll
    static void aSignedAndAnUnsignedFingerprint() throws IOException {
        Path data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 600, 200, 28);
        model = dir.resolve("alice");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--seed", "1",
                "--out", model.toString()).exitCode());
        aliceKey = dir.resolve("alice-key");
        malloryKey = dir.resolve("mallory-key");
        assertEquals(0, CliRunner.run("keys", "new", "--out", aliceKey.toString()).exitCode());
        assertEquals(0, CliRunner.run("keys", "new", "--out", malloryKey.toString()).exitCode());
        unsigned = dir.resolve("unsigned.npz");
        assertEquals(0, CliRunner.run("extract", "--model", model.toString(), "--n", "20", "--data", data.toString(), "--out",
                unsigned.toString()).exitCode());
        signed = dir.resolve("signed.npz");
        assertEquals(0, CliRunner.run("sign", "--fingerprint", unsigned.toString(), "--key", aliceKey.toString(), "--out",
                signed.toString()).exitCode());
    }

    @Test
    void addRefusesUnsignedAndRelabelledFilesAndAnotherKeyForAnId() throws IOException {
        String db = dir.resolve("add.db").toString();
        CliRunner.Result plain = CliRunner.run("registry", "add", unsigned.toString(), "--owner", "alice", "--db", db);
        assertEquals(ExitCode.BAD_INPUT, plain.exitCode());
        assertTrue(plain.err().contains(unsigned + ": unsigned"), plain.err());
        Path relabelled = ForgedFingerprints.relabelledAsSacW(unsigned, dir.resolve("relabelled.npz"));
        CliRunner.Result fit = CliRunner.run("registry", "add", relabelled.toString(), "--owner", "mallory", "--db", db);
        assertEquals(ExitCode.BAD_INPUT, fit.exitCode());
        assertTrue(fit.err().contains("compares scores, but the file holds labels only"), fit.err());

        CliRunner.Result added = CliRunner.run("registry", "add", signed.toString(), "--owner", "alice", "--db", db);
        assertEquals(0, added.exitCode(), added.err());
        String aliceKeyId = Sha256.hex(KeyFiles.loadPublic(aliceKey).getEncoded());
        assertTrue(added.out().contains("key " + aliceKeyId.substring(0, 16)), added.out());
        JsonNode entry = CliRunner.run("registry", "list", "--db", db, "--format", "json").json().get("fingerprints").get(0);
        assertEquals(aliceKeyId, entry.get("ownerKey").asText());

        Path mallorys = dir.resolve("mallorys.npz");
        assertEquals(0, CliRunner.run("sign", "--fingerprint", signed.toString(), "--key", malloryKey.toString(), "--out",
                mallorys.toString()).exitCode());
        assertEquals(0, CliRunner.run("registry", "remove", entry.get("id").asText(), "--db", db).exitCode());
        CliRunner.Result takeover = CliRunner.run("registry", "add", mallorys.toString(), "--owner", "mallory", "--db", db);
        assertEquals(ExitCode.BAD_INPUT, takeover.exitCode());
        assertTrue(takeover.err().contains("was registered by owner 'alice'"), takeover.err());
    }

    @Test
    void aScanListsAnUnusableEntryAsNotCheckedAndTheRegistrySignsWhatItLogs() throws Exception {
        Path db = dir.resolve("scan.db");
        assertEquals(0, CliRunner.run("registry", "add", signed.toString(), "--owner", "alice", "--db", db.toString()).exitCode());
        byte[] bytes = Files.readAllBytes(ForgedFingerprints.relabelledAsSacW(unsigned, dir.resolve("stored-relabelled.npz")));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO fingerprints (id, content_sha256, owner_name, name, scheme, access_level, input_spec, classes, queries,"
                        + " target_sha256, calibrated, added_at, file_sha256, file_size, file_bytes) SELECT 'badbadbadbad', ?,"
                        + " 'mallory', 'relabelled', 'sac-w', 'scores', input_spec, classes, queries, NULL, 0, added_at, ?, ?, ?"
                        + " FROM fingerprints")) {
            insert.setString(1, "badbadbadbad" + "0".repeat(52));
            insert.setString(2, Sha256.hex(bytes));
            insert.setLong(3, bytes.length);
            insert.setBytes(4, bytes);
            insert.executeUpdate();
        }
        CliRunner.Result scan = CliRunner.run("scan", "--db", db.toString(), model.toString());
        assertEquals(0, scan.exitCode(), scan.out() + scan.err());
        assertTrue(scan.out().contains("not checked: the fingerprint cannot be used: registry entry badbadbadbad")
                && scan.out().contains("does not fit"), scan.out());
        assertTrue(scan.out().contains("evidence records 1-1"), scan.out());
        JsonNode json = CliRunner.run("scan", "--db", db.toString(), model.toString(), "--format", "json").json();
        assertEquals("derived", json.get("results").get(0).get("matches").get(0).get("verdict").asText());
        assertEquals(Sha256.hex(KeyFiles.loadPublic(aliceKey).getEncoded()),
                json.get("results").get(0).get("matches").get(0).get("ownerKey").asText());
        assertTrue(json.get("results").get(0).get("matches").get(1).get("incompatible").asText().contains("cannot be used"));

        Path registryKey = Path.of(db + ".key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(registryKey.resolve(KeyFiles.PRIVATE))));
        JsonNode record = CliRunner.run("registry", "log", "--db", db.toString(), "--format", "json").json().get("records").get(0);
        assertEquals("alice", record.get("owner").asText());
        assertEquals(64, record.get("ownerKey").asText().length());
        assertEquals(2, record.get("hashVersion").asInt());
        CliRunner.Result verify = CliRunner.run("registry", "log", "verify", "--db", db.toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertTrue(verify.out().contains("registry signatures verified through record 2"), verify.out());
        CliRunner.Result wrongKey = CliRunner.run("registry", "log", "verify", "--db", db.toString(), "--registry-key",
                malloryKey.toString());
        assertEquals(ExitCode.EVIDENCE_BROKEN, wrongKey.exitCode(), wrongKey.out());
        assertTrue(wrongKey.out().contains("BROKEN at record 1") && wrongKey.out().contains("not by the registry's key"),
                wrongKey.out());
    }
}
