package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.service.ScanJob;
import io.modelprint.registry.service.ScanJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * registry serve started on a database a stopped service left jobs in (SQLite and PostgreSQL): a job left
 * running is run again and its evidence appended once, a job interrupted as often as allowed is failed
 * without being run, a queued one runs, leftovers of the upload directory are cleared, and the chain holds.
 */
abstract class ServeRestartContract {
    @TempDir
    Path dir;

    abstract String newDatabase(Path dir) throws Exception;

    @Test
    void jobsALostServiceLeftAreRunAgainOrFailedAndTheEvidenceChainHolds() throws Exception {
        String db = newDatabase(dir);
        Path key = dir.resolve("registry-key");
        assertEquals(0, CliRunner.run("keys", "new", "--out", key.toString()).exitCode());
        assertEquals(0, CliRunner.run("registry", "add", ServeFixtures.ALICE_FP.toString(), "--owner", "alice", "--db", db).exitCode());
        String hub = CliRunner.run("registry", "principal", "add", "--db", db, "--role", "hub", "--name", "hub", "--format", "json")
                .json().get("token").asText();
        Path uploads = Files.createDirectory(dir.resolve("uploads"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        List<String> ids = List.of("rerun-me", "failed-twice", "still-queued");
        try (RegistryDatabase database = RegistryDatabase.open(db, OpenIntent.WRITE)) {
            ScanJobs jobs = new ScanJobs(database);
            for (String id : ids) {
                Files.copy(ServeFixtures.ALICE_ZIP, uploads.resolve(id + ".zip"));
                jobs.insert(ScanJob.queued(id, "hub", ScanJob.Kind.UPLOAD, "alice.zip", id + ".zip", null));
            }
            assertTrue(jobs.start("failed-twice"));
            jobs.recover(99);
            assertTrue(jobs.start("failed-twice"));
            assertTrue(jobs.start("rerun-me"));
            assertEquals(2, jobs.find("failed-twice").attempts());
            assertEquals("running", jobs.find("rerun-me").status().label());
        }
        Files.writeString(uploads.resolve("half-received.pt"), "a crash mid-upload");

        try (ServeRun serve = new ServeRun("--db", db, "--registry-key", key.toString(), "--upload-dir", uploads.toString())) {
            JsonNode rerun = serve.http.awaitScan("rerun-me", hub);
            assertEquals("done", rerun.get("status").asText(), rerun.toString());
            assertEquals(2, rerun.get("attempts").asInt());
            assertEquals("derived", rerun.get("result").get("matches").get(0).get("verdict").asText());
            assertEquals("done", serve.http.awaitScan("still-queued", hub).get("status").asText());
            JsonNode failed = serve.http.awaitScan("failed-twice", hub);
            assertEquals("failed", failed.get("status").asText());
            assertTrue(failed.get("error").asText().contains("2 times"), failed.toString());
            assertEquals(0, failed.get("evidence").size());
            try (var left = Files.list(uploads)) {
                assertEquals(List.of(), left.toList(), "finished jobs' uploads and leftovers are gone");
            }
        }
        JsonNode log = CliRunner.run("registry", "log", "--db", db, "--format", "json").json();
        List<String> suspects = new ArrayList<>();
        log.get("records").forEach(r -> suspects.add(r.get("suspect").asText()));
        assertEquals(List.of("upload:rerun-me:alice.zip", "upload:still-queued:alice.zip"), suspects, "one record per job that ran");
        CliRunner.Result verify = CliRunner.run("registry", "log", "verify", "--db", db, "--registry-key", key.toString());
        assertEquals(0, verify.exitCode(), verify.out() + verify.err());
        assertFalse(verify.out().contains("BROKEN"), verify.out());
    }
}
