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
import java.nio.file.attribute.PosixFilePermissions;
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
        // the registry takes signed fingerprints: alice signs as she extracts, bob signs his file afterwards
        assertEquals(0, CliRunner.run("keys", "new", "--out", dir.resolve("alice-key").toString()).exitCode());
        assertEquals(0, CliRunner.run("keys", "new", "--out", dir.resolve("bob-key").toString()).exitCode());
        CliRunner.Result a = CliRunner.run("extract", "--model", alice.toString(), "--n", "30", "--data", data.toString(),
                "--out", aliceFp.toString(), "--sign", dir.resolve("alice-key").toString());
        assertEquals(0, a.exitCode(), a.err());
        CliRunner.Result b = CliRunner.run("extract", "--model", bob.toString(), "--method", "sac-w", "--n", "30", "--data",
                data.toString(), "--out", bobFp.toString());
        assertEquals(0, b.exitCode(), b.err());
        CliRunner.Result signed = CliRunner.run("sign", "--fingerprint", bobFp.toString(), "--key", dir.resolve("bob-key").toString());
        assertEquals(0, signed.exitCode(), signed.err());
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
        assertTrue(intact.out().contains("registry signatures verified through record 4") && intact.out().contains("(the registry's key)"),
                intact.out());

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
    void aReadOnlyRegistryIsReadButNeverWritten() throws IOException {
        Path db = dir.resolve("frozen.db");
        assertEquals(0, CliRunner.run("registry", "add", aliceFp.toString(), "--owner", "alice", "--db", db.toString()).exitCode());
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(db);
        String refused = db + " is read-only (mode r--r--r--): nothing was written";
        for (String[] write : new String[][] {{"registry", "add", bobFp.toString(), "--owner", "bob"}, {"registry", "remove", "abcd"},
            {"scan", alice.toString()}, {"verify", "--fingerprint", aliceFp.toString(), alice.toString()}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(write), java.util.stream.Stream.of("--db", db.toString()))
                    .toArray(String[]::new);
            CliRunner.Result result = CliRunner.run(args);
            assertEquals(ExitCode.BAD_INPUT, result.exitCode(), String.join(" ", write) + ": " + result.out() + result.err());
            assertTrue(result.err().contains(refused), result.err());
        }
        JsonNode list = CliRunner.run("registry", "list", "--db", db.toString(), "--format", "json").json();
        assertEquals("alice", list.get("fingerprints").get(0).get("owner").asText());
        assertEquals(0, CliRunner.run("registry", "log", "verify", "--db", db.toString()).exitCode());
        assertArrayEquals(before, Files.readAllBytes(db), "the read-only registry is byte for byte as it was");
    }

    @Test
    void anEmptyFileIsNotARegistryToReadButAddMakesAnOwnerOnlyOne() throws IOException {
        Path db = Files.createFile(dir.resolve("zero.db"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        CliRunner.Result list = CliRunner.run("registry", "list", "--db", db.toString());
        assertEquals(ExitCode.BAD_INPUT, list.exitCode());
        assertTrue(list.err().contains(db + ": not a modelprint registry (0 bytes); registry add creates one"), list.err());
        assertEquals(0, Files.size(db));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));

        assertEquals(0, CliRunner.run("registry", "add", aliceFp.toString(), "--owner", "alice", "--db", db.toString()).exitCode());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
        assertEquals(0, CliRunner.run("registry", "list", "--db", db.toString()).exitCode());
    }

    @Test
    void aLongOwnerIsCutInTextColumnsAndKeptWholeInJson() throws IOException {
        String db = dir.resolve("long.db").toString();
        String owner = "o".repeat(199) + "Q";
        String name = "n".repeat(200);
        assertEquals(0, CliRunner.run("registry", "add", aliceFp.toString(), "--owner", owner, "--name", name, "--db", db).exitCode());
        assertEquals(0, CliRunner.run("registry", "add", bobFp.toString(), "--owner", "bob", "--db", db).exitCode());
        JsonNode json = CliRunner.run("registry", "list", "--db", db, "--format", "json").json();
        assertEquals(owner, json.get("fingerprints").get(0).get("owner").asText());
        assertEquals(name, json.get("fingerprints").get(0).get("name").asText());

        String[] lines = CliRunner.run("registry", "list", "--db", db).out().split("\n");
        int added = lines[0].indexOf("added");
        for (int i = 1; i < lines.length; i++) {
            String addedAt = json.get("fingerprints").get(i - 1).get("addedAt").asText();
            assertEquals(addedAt, lines[i].substring(added), "row " + i + " is aligned with the header:\n" + String.join("\n", lines));
        }
        assertTrue(lines[1].contains("ooo...") && !lines[1].contains("Q"), lines[1]);

        String[] scan = CliRunner.run("scan", "--db", db, alice.toString()).out().split("\n");
        String header = java.util.Arrays.stream(scan).filter(l -> l.contains("similarity")).findFirst().orElseThrow();
        int similarityEnd = header.indexOf("similarity") + "similarity".length();
        long rows = java.util.Arrays.stream(scan).filter(l -> l.matches("\\s+\\d+\\s.*")).peek(row -> assertTrue(
                row.length() > similarityEnd && row.charAt(similarityEnd - 1) != ' ' && row.charAt(similarityEnd) == ' ',
                "the similarity column ends where the header's does:\n" + header + "\n" + row)).count();
        assertEquals(2, rows, String.join("\n", scan));
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
