package io.modelprint.registry;

import static io.modelprint.registry.SignedFixtures.ALICE_COPY;
import static io.modelprint.registry.SignedFixtures.REGISTRY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.registry.service.Authentication.Failure;
import io.modelprint.registry.service.IssuedToken;
import io.modelprint.registry.service.JobStatus;
import io.modelprint.registry.service.Principals;
import io.modelprint.registry.service.Role;
import io.modelprint.registry.service.ScanJob;
import io.modelprint.registry.service.ScanJobs;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables of registry serve (principals and their tokens, scan jobs) and a job's evidence landing with it; SQLite and PostgreSQL. */
abstract class ServiceTablesContract {
    @TempDir
    Path dir;

    abstract String newDatabase(Path dir) throws Exception;

    @Test
    void aTokenSpeaksForItsPrincipalUntilItExpiresOrIsRevokedAndOnlyItsSecretsHashIsStored() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Principals principals = new Principals(db);
            IssuedToken admin = principals.add("root admin", Role.ADMIN, null);
            IssuedToken hub = principals.add("hub-1", Role.HUB, Duration.ofHours(1));
            Instant now = Instant.now();
            assertEquals("root admin", principals.authenticate(admin.token(), now).principal().name());
            assertEquals(Role.HUB, principals.authenticate(hub.token(), now).principal().role());
            assertNull(admin.expiresAt());

            assertEquals(Failure.MISSING, principals.authenticate(null, now).failure());
            assertEquals(Failure.MISSING, principals.authenticate("", now).failure());
            assertEquals(Failure.INVALID, principals.authenticate("Bearer " + hub.token(), now).failure());
            String otherSecret = hub.token().substring(0, hub.token().length() - 1) + (hub.token().endsWith("A") ? "B" : "A");
            assertEquals(Failure.INVALID, principals.authenticate(otherSecret, now).failure());
            String unknownId = "mpt_" + "0".repeat(16) + hub.token().substring(20);
            assertEquals(Failure.INVALID, principals.authenticate(unknownId, now).failure());
            assertEquals(Failure.EXPIRED, principals.authenticate(hub.token(), now.plus(Duration.ofHours(2))).failure());

            IssuedToken second = principals.issueToken("hub-1", null);
            assertNotEquals(hub.token(), second.token());
            assertEquals(1 + 1, principals.revokeTokens("hub-1"));
            assertEquals(Failure.INVALID, principals.authenticate(second.token(), now).failure());
            assertEquals("root admin", principals.authenticate(admin.token(), now).principal().name(), "another principal's token stays");

            try (Statement s = db.connection().createStatement();
                    ResultSet rows = s.executeQuery("SELECT token_id, secret_sha256 FROM principal_tokens")) {
                while (rows.next()) {
                    assertFalse(admin.token().contains(rows.getString(2)) || hub.token().contains(rows.getString(2)));
                    assertEquals(64, rows.getString(2).length());
                }
            }
        }
    }

    @Test
    void principalNamesAreCheckedAndTakenOnce() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Principals principals = new Principals(db);
            principals.add("alice", Role.OWNER, null);
            InputException twice = assertThrows(InputException.class, () -> principals.add("alice", Role.HUB, null));
            assertTrue(twice.getMessage().contains("already exists"), twice.getMessage());
            for (String bad : new String[] {"x'; DROP TABLE principals; --", "\u001b[31mred", "", " alice", "a/b"}) {
                InputException e = assertThrows(InputException.class, () -> principals.add(bad, Role.HUB, null), bad);
                assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
            }
            assertThrows(InputException.class, () -> principals.add("bob", Role.HUB, Duration.ofSeconds(-1)));
            assertEquals(List.of("alice"), principals.list().stream().map(p -> p.name()).toList());
            assertEquals(Role.OWNER, principals.find("alice").role());
        }
    }

    @Test
    void aJobIsDoneInTheTransactionOfItsEvidenceAndARunningJobIsRerunOnceThenFailed() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            registry.add(SignedFixtures.aliceIpguard(), "alice", null);
            ScanJobs jobs = new ScanJobs(db);
            jobs.insert(ScanJob.queued("job-a", "hub", ScanJob.Kind.UPLOAD, "copy.pt", "job-a.pt", "ab".repeat(32)));
            jobs.insert(ScanJob.queued("job-b", "hub", ScanJob.Kind.URL, "http://127.0.0.1:1/v2/models/m", null, null));
            assertTrue(jobs.start("job-a"));
            assertFalse(jobs.start("job-a"), "a running job is not started twice");

            EvidenceLog log = new EvidenceLog(db, REGISTRY);
            List<EvidenceRecord> records = EvidenceRecords.of(new SuspectIdentity("copy.pt", "ab".repeat(32), null),
                    new SuspectScan(null, 0.01).scan(ALICE_COPY, registry.loadAll()));
            // a job that is not running cannot be marked done: the append is rolled back with it
            assertThrows(InputException.class, () -> log.append(records, stored -> jobs.markDone("job-b", 1L, 1L, "{}")));
            assertEquals(0, log.list().size());
            assertEquals(JobStatus.QUEUED, jobs.find("job-b").status());

            List<EvidenceRecord> stored = log.append(records, in -> jobs.markDone("job-a", in.get(0).seq(),
                    in.get(in.size() - 1).seq(), "{\"matches\":[]}"));
            ScanJob done = jobs.find("job-a");
            assertEquals(JobStatus.DONE, done.status());
            assertEquals(stored.get(0).seq(), done.evidenceFirst());
            assertEquals("{\"matches\":[]}", done.result());
            assertTrue(log.verify(REGISTRY.publicKey()).intact());
            assertEquals(stored.size(), log.byOwner("alice").size());
            assertEquals(0, log.byOwner("bob").size());
            assertEquals(List.of(), log.list(stored.get(stored.size() - 1).seq(), 10));

            // job-b: started, then the service dies; rerun once, then failed
            assertTrue(jobs.start("job-b"));
            assertEquals(List.of("job-b"), jobs.recover(2).stream().map(ScanJob::id).toList());
            assertTrue(jobs.start("job-b"));
            assertEquals(2, jobs.find("job-b").attempts());
            assertEquals(List.of(), jobs.recover(2));
            ScanJob failed = jobs.find("job-b");
            assertEquals(JobStatus.FAILED, failed.status());
            assertTrue(failed.error().contains("2 times"), failed.error());
            assertEquals(JobStatus.DONE, jobs.find("job-a").status(), "recovery leaves finished jobs alone");
            assertEquals(List.of("job-b", "job-a"), jobs.submittedBy("hub", 10).stream().map(ScanJob::id).sorted(
                    java.util.Comparator.reverseOrder()).toList());
        }
    }

    @Test
    void aRegistrationOfAnotherOwnersFingerprintIsAConflictThatCanBeToldWithoutTheirName() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            byte[] bytes = java.nio.file.Files.readAllBytes(SignedFixtures.aliceIpguard());
            assertTrue(registry.add("upload alice.npz", bytes, "alice", "mine").added());
            OwnershipConflict e = assertThrows(OwnershipConflict.class, () -> registry.add("upload", bytes, "mallory", "x"));
            assertTrue(e.getMessage().contains("alice"), e.getMessage());
            assertFalse(e.withoutOthers().contains("alice"), e.withoutOthers());
        }
    }
}
