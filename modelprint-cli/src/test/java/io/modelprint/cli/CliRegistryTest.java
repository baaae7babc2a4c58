package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelLoader;
import io.modelprint.model.Classifier;
import io.modelprint.serve.InferenceServer;
import io.modelprint.serve.ServedModel;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry and scan through the CLI, as the README shows them: two owners, suspects local and remote, the log. */
class CliRegistryTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path alice;
    static Path bob;
    static Path aliceFp;
    static Path bobFp;

    @BeforeAll
    static void twoOwnersAndTheirFingerprints() throws IOException {
        data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 600, 200, 28);
        alice = dir.resolve("alice");
        bob = dir.resolve("bob");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--seed", "1",
                "--out", alice.toString()).exitCode());
        assertEquals(0, CliRunner.run("train", "--arch", "lenet5", "--data", data.toString(), "--epochs", "1", "--seed", "2",
                "--out", bob.toString()).exitCode());
        aliceFp = dir.resolve("alice-ipguard.npz");
        bobFp = dir.resolve("bob-sac.npz");
        CliRunner.Result a = CliRunner.run("extract", "--model", alice.toString(), "--n", "30", "--data", data.toString(),
                "--out", aliceFp.toString());
        assertEquals(0, a.exitCode(), a.err());
        CliRunner.Result b = CliRunner.run("extract", "--model", bob.toString(), "--method", "sac-w", "--n", "30", "--data",
                data.toString(), "--out", bobFp.toString());
        assertEquals(0, b.exitCode(), b.err());
    }

    @Test
    void addScanLogAndVerifyTheChain() throws Exception {
        String db = dir.resolve("flow.db").toString();
        CliRunner.Result added = CliRunner.run("registry", "add", aliceFp.toString(), "--owner", "alice", "--db", db);
        assertEquals(0, added.exitCode(), added.err());
        assertTrue(added.out().startsWith("added "), added.out());
        CliRunner.Result again = CliRunner.run("registry", "add", aliceFp.toString(), "--owner", "alice", "--db", db);
        assertTrue(again.out().contains("already registered") && again.out().contains("nothing added"), again.out());
        JsonNode bobAdded = CliRunner.run("registry", "add", bobFp.toString(), "--owner", "bob", "--db", db, "--format", "json").json();
        assertTrue(bobAdded.get("added").asBoolean());
        String bobId = bobAdded.get("fingerprint").get("id").asText();

        JsonNode list = CliRunner.run("registry", "list", "--db", db, "--format", "json").json();
        assertEquals(2, list.get("fingerprints").size());
        String aliceId = list.get("fingerprints").get(0).get("id").asText();
        assertEquals("alice", list.get("fingerprints").get(0).get("owner").asText());

        CliRunner.Result scan = CliRunner.run("scan", "--db", db, "--format", "json", alice.toString(), bob.toString(),
                dir.resolve("no-such-model").toString());
        assertEquals(ExitCode.PARTIAL_FAILURE, scan.exitCode(), scan.err());
        JsonNode results = scan.json().get("results");
        JsonNode forAlice = results.get(0).get("matches");
        assertEquals(aliceId, forAlice.get(0).get("fingerprint").asText(), "the owner's fingerprint ranks first");
        assertEquals("derived", forAlice.get(0).get("verdict").asText());
        assertEquals(1.0, forAlice.get(0).get("matchingRate").asDouble());
        assertEquals("independent", forAlice.get(1).get("verdict").asText());
        JsonNode forBob = results.get(1).get("matches");
        assertEquals(bobId, forBob.get(0).get("fingerprint").asText());
        assertEquals("derived", forBob.get(0).get("verdict").asText());
        assertEquals(io.modelprint.io.Sha256.ofPath(bob),
                results.get(1).get("suspectSha256").asText());
        assertTrue(results.get(2).get("error").asText().contains("no-such-model"), results.get(2).toString());

        JsonNode log = CliRunner.run("registry", "log", "--db", db, "--format", "json").json();
        assertEquals(4, log.get("records").size(), "two suspects x two fingerprints; the failed suspect left none");
        JsonNode first = log.get("records").get(0);
        assertEquals(alice.toString(), first.get("suspect").asText());
        assertEquals(64, first.get("answersSha256").asText().length());

        CliRunner.Result intact = CliRunner.run("registry", "log", "verify", "--db", db);
        assertEquals(0, intact.exitCode(), intact.out() + intact.err());
        assertTrue(intact.out().contains("intact: 4 records"), intact.out());

        // verify --db appends too
        assertEquals(0, CliRunner.run("verify", "--fingerprint", aliceFp.toString(), "--db", db, alice.toString()).exitCode());
        JsonNode after = CliRunner.run("registry", "log", "--db", db, "--format", "json").json();
        assertEquals(5, after.get("records").size());
        assertEquals(aliceId, after.get("records").get(4).get("fingerprintId").asText());

        // a record edited behind the tool's back
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE evidence SET verdict = 'independent' WHERE seq = 1");
        }
        CliRunner.Result broken = CliRunner.run("registry", "log", "verify", "--db", db);
        assertEquals(ExitCode.EVIDENCE_BROKEN, broken.exitCode());
        assertTrue(broken.out().contains("BROKEN at record 1"), broken.out());

        // export is byte-identical; remove keeps the evidence
        Path out = dir.resolve("exported.npz");
        assertEquals(0, CliRunner.run("registry", "export", bobId.substring(0, 6), "--out", out.toString(), "--db", db).exitCode());
        assertArrayEquals(Files.readAllBytes(bobFp), Files.readAllBytes(out));
        assertEquals(0, CliRunner.run("registry", "remove", bobId, "--db", db).exitCode());
        assertEquals(1, CliRunner.run("registry", "list", "--db", db, "--format", "json").json().get("fingerprints").size());
        assertEquals(5, CliRunner.run("registry", "log", "--db", db, "--format", "json").json().get("records").size());
        CliRunner.Result show = CliRunner.run("registry", "show", bobId, "--db", db);
        assertEquals(ExitCode.BAD_INPUT, show.exitCode());
        assertTrue(show.err().contains("not in the registry"), show.err());
    }

    @Test
    void aRemoteSuspectIsAskedOnceForEveryFingerprintAndItsMetadataIsRecorded() throws Exception {
        String db = dir.resolve("remote.db").toString();
        assertEquals(0, CliRunner.run("registry", "add", aliceFp.toString(), "--owner", "alice", "--db", db).exitCode());
        assertEquals(0, CliRunner.run("registry", "add", bobFp.toString(), "--owner", "bob", "--db", db).exitCode());
        try (Classifier model = ModelLoader.loadClassifier(alice, InputSpec.fashionMnist());
                InferenceServer server = new InferenceServer(new ServedModel("alice", model, false, 2), 64,
                        ServeCommand.maxBodyBytes(model.inputSpec(), 64)).start("127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + server.port() + "/v2/models/alice";
            CliRunner.Result scan = CliRunner.run("scan", "--db", db, "--format", "json", "--no-cache", "--batch-size", "64", url);
            assertEquals(0, scan.exitCode(), scan.err());
            JsonNode matches = scan.json().get("results").get(0).get("matches");
            assertEquals("alice", matches.get(0).get("owner").asText());
            assertEquals("derived", matches.get(0).get("verdict").asText());
            JsonNode record = CliRunner.run("registry", "log", "--db", db, "--format", "json").json().get("records").get(0);
            assertEquals(url, record.get("suspect").asText());
            assertTrue(record.get("suspectSha256").isNull());
            assertTrue(record.get("suspectMetadata").asText().contains("\"name\":\"alice\""), record.toString());
        }
    }

    @Test
    void anEmptyRegistryAndABadDatabaseFileAreRefused() throws IOException {
        String empty = dir.resolve("empty.db").toString();
        CliRunner.Result scan = CliRunner.run("scan", "--db", empty, alice.toString());
        assertEquals(ExitCode.BAD_INPUT, scan.exitCode());
        assertTrue(scan.err().contains("holds no fingerprints"), scan.err());

        Path notDb = dir.resolve("not-a-db.txt");
        Files.writeString(notDb, "hello\n".repeat(500));
        CliRunner.Result bad = CliRunner.run("registry", "list", "--db", notDb.toString());
        assertEquals(ExitCode.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains(notDb.toString()) && bad.err().contains("not an SQLite database"), bad.err());
        assertEquals("hello\n".repeat(500), Files.readString(notDb));

        CliRunner.Result tampered = CliRunner.run("registry", "add", notDb.toString(), "--owner", "x", "--db", empty);
        assertEquals(ExitCode.BAD_INPUT, tampered.exitCode());
        assertFalse(CliRunner.run("registry", "list", "--db", empty).out().contains("not-a-db"));
    }

    @Test
    void scanSparkRunsTheJobInItsOwnJvmAndLogsEveryCheck() throws IOException {
        String db = dir.resolve("spark.db").toString();
        assertEquals(0, CliRunner.run("registry", "add", aliceFp.toString(), "--owner", "alice", "--db", db).exitCode());
        Path list = dir.resolve("suspects.txt");
        Files.writeString(list, alice + "\n" + bob + "\n" + dir.resolve("gone") + "\n");
        Path parquet = dir.resolve("rows.parquet");
        CliRunner.Result missing = CliRunner.run("scan", "--spark", "--db", db);
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("--suspects"), missing.err());
        int code = Main.run("scan", "--spark", "--master", "local[2]", "--db", db, "--suspects", list.toString(), "--out",
                parquet.toString());
        assertEquals(ExitCode.PARTIAL_FAILURE, code, "one suspect is missing: reported, the rest scanned");
        assertTrue(Files.isDirectory(parquet) && Files.exists(parquet.resolve("_SUCCESS")), "Parquet written");
        JsonNode log = CliRunner.run("registry", "log", "--db", db, "--format", "json").json();
        assertEquals(2, log.get("records").size());
        assertEquals("derived", log.get("records").get(0).get("verdict").asText());
        assertEquals("independent", log.get("records").get(1).get("verdict").asText());
    }
}
