package io.modelprint.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.registry.ChainReport;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecords;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.ScanMatch;
import io.modelprint.registry.SuspectIdentity;
import io.modelprint.registry.SuspectScan;
import io.modelprint.registry.service.Role;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server stops taking the service's connections while a job scans: calls are 503 with no detail, the
 * job writes nothing, and once the database is back the job is run again at the next start, its evidence appended
 * once and the chain intact.
 */
class PostgresDatabaseDownTest {
    private static final TestDatabases DATABASES = new TestDatabases();

    @TempDir
    Path dir;

    @AfterAll
    static void dropDatabases() throws Exception {
        DATABASES.dropAll();
    }

    @Test
    void aDatabaseDownMidJobGives503sAndTheJobRunsAgainWithItsEvidenceOnce() throws Exception {
        String db = DATABASES.postgres();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicBoolean gated = new AtomicBoolean(true);
        SuspectScanner scanner = (database, log, suspect, recordedAs, withEvidence) -> {
            if (gated.get()) {
                inside.countDown();
                await(gate);
            }
            List<ScanMatch> matches = new SuspectScan(null, 0.01).scan(SignedFiles.ALICE_MODEL, new Registry(database).loadAll());
            Map<String, Object> result = new LinkedHashMap<>(Map.of("suspect", recordedAs));
            log.append(EvidenceRecords.of(new SuspectIdentity(recordedAs, null, null), matches),
                    stored -> withEvidence.run(result, stored.get(0).seq(), stored.get(stored.size() - 1).seq(), Map.of()));
            return result;
        };
        String id;
        String hub;
        try (TestService s = new TestService(db, dir, scanner, 4, 1 << 20)) {
            String alice = s.token("alice", Role.OWNER);
            hub = s.token("hub", Role.HUB);
            assertEquals(201, s.http.post("/api/v1/fingerprints", alice, SignedFiles.ALICE_FP, "application/octet-stream").status());
            Http.Response submitted = s.http.post("/api/v1/scans?filename=model.zip", hub, ServiceUploadsTest.zip(Map.of(
                    "model/provenance.json", "{}".getBytes(), "model/weights.params", new byte[100])), "application/octet-stream");
            assertEquals(202, submitted.status(), submitted.body());
            id = submitted.json().get("id").asText();
            assertTrue(inside.await(60, TimeUnit.SECONDS), "the job started");

            takeDown(db, true);
            Http.Response down = s.http.get("/api/v1/scans/" + id, hub);
            assertEquals(503, down.status(), down.body());
            assertFalse(down.body().contains("FATAL") || down.body().contains("jdbc") || down.body().contains("SQL"), down.body());
            gate.countDown();
            for (int waited = 0; s.service.jobsInFlight() > 0 && waited < 600; waited++) {
                Thread.sleep(100);
            }
            assertEquals(0, s.service.jobsInFlight(), "the job gave up while the database was down");

            takeDown(db, false);
            JsonNode back = statusOnceBack(s, id, hub);
            assertEquals("running", back.get("status").asText(), "left for the next start, nothing written: " + back);
            assertEquals(0, back.get("evidence").size());
        }
        gated.set(false);
        try (TestService again = new TestService(db, dir, scanner, 4, 1 << 20)) {
            JsonNode done = again.http.awaitScan(id, hub);
            assertEquals("done", done.get("status").asText(), done.toString());
            assertEquals(2, done.get("attempts").asInt());
            try (RegistryDatabase database = again.open()) {
                ChainReport chain = new EvidenceLog(database, again.registryKey).verify(again.registryKey.publicKey());
                assertTrue(chain.intact(), chain.problem());
                assertEquals(1, chain.records(), "alice's fingerprint checked once");
            }
        }
    }

    /** The first calls after the outage may meet a connection the server closed; the service answers again within a few. */
    private static JsonNode statusOnceBack(TestService s, String id, String hub) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            Http.Response response = s.http.get("/api/v1/scans/" + id, hub);
            if (response.status() == 200) {
                return response.json();
            }
            assertEquals(503, response.status(), response.body());
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not answer again once the database was back");
    }

    /** Refuses (or takes again) connections to the test's database and ends the ones it has. */
    private static void takeDown(String db, boolean down) throws Exception {
        String name = db.replaceFirst("jdbc:postgresql://[^/]+/([^?]*).*", "$1");
        String server = System.getenv(TestDatabases.POSTGRES_ENV);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.executeUpdate("ALTER DATABASE " + name + " CONNECTION LIMIT " + (down ? "0" : "-1"));
            if (down) {
                s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'").close();
            }
        }
    }

    private static void await(CountDownLatch gate) {
        try {
            gate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
