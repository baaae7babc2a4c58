package io.modelprint.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecords;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.SuspectIdentity;
import io.modelprint.registry.SuspectScan;
import io.modelprint.registry.service.Role;
import io.modelprint.testing.LinearModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may call what, over real HTTP, on SQLite and PostgreSQL: tokens, roles, and owners kept apart. */
abstract class ServiceRolesContract {
    @TempDir
    Path dir;

    abstract String newDatabase(Path dir) throws Exception;

    @Test
    void everyRouteRefusesAMissingWrongExpiredOrForeignTokenWithJsonAndNoDetail() throws Exception {
        try (TestService s = new TestService(newDatabase(dir), dir, NOT_USED, 4, 1 << 20)) {
            Map<Role, String> valid = new EnumMap<>(Role.class);
            Map<Role, String> expired = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                valid.put(role, s.token(role.label() + "-1", role));
                expired.put(role, s.token(role.label() + "-old", role, Duration.ofMillis(1)));
            }
            Thread.sleep(20);
            for (ServiceRoute route : s.service.routes()) {
                String path = route.path().replace("{id}", "0123456789ab").replace("{name}", "nobody");
                String method = route.method().name();
                String where = method + " " + path;
                if (route.isPublic()) {
                    assertEquals(200, s.http.send(method, path, null).status(), where);
                    continue;
                }
                Http.Response none = s.http.send(method, path, null);
                assertRefused(401, none, where);
                assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), where);
                assertRefused(401, s.http.send(method, path, "mpt_0000000000000000_" + "A".repeat(43)), where);
                assertRefused(401, s.http.send(method, path, "not-a-token"), where);
                for (Role role : Role.values()) {
                    if (route.roles().contains(role)) {
                        Http.Response old = s.http.send(method, path, expired.get(role));
                        assertRefused(401, old, where);
                        assertTrue(old.json().get("error").asText().contains("expired"), where + ": " + old);
                    } else {
                        Http.Response foreign = s.http.send(method, path, valid.get(role));
                        assertRefused(403, foreign, where + " as " + role);
                    }
                }
            }
            // another scheme than Bearer, and the token of one principal cut short
            HttpRequest basic = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.service.port() + "/api/v1/whoami"))
                    .header("Authorization", "Basic " + valid.get(Role.ADMIN)).build();
            assertEquals(401, HttpClient.newHttpClient().send(basic, HttpResponse.BodyHandlers.ofString()).statusCode());
            String admin = valid.get(Role.ADMIN);
            assertRefused(401, s.http.get("/api/v1/whoami", admin.substring(0, admin.length() - 1)), "a cut token");
            assertEquals("admin-1", s.http.get("/api/v1/whoami", admin).json().get("name").asText());
            Http.Response unknown = s.http.get("/api/v1/nothing-here", admin);
            assertEquals(404, unknown.status());
            assertTrue(unknown.json().has("error"), unknown.body());
        }
    }

    @Test
    void anOwnerSeesAndRemovesOnlyItsOwnFingerprintsVerdictsAndQueries() throws Exception {
        try (TestService s = new TestService(newDatabase(dir), dir, NOT_USED, 4, 1 << 20)) {
            String alice = s.token("alice", Role.OWNER);
            String bob = s.token("bob", Role.OWNER);
            String hub = s.token("hub", Role.HUB);
            Http.Response added = s.http.post("/api/v1/fingerprints?name=alice-ipguard", alice, SignedFiles.ALICE_FP, "application/octet-stream");
            assertEquals(201, added.status(), added.body());
            String aliceId = added.json().get("fingerprint").get("id").asText();
            assertEquals("alice", added.json().get("fingerprint").get("owner").asText());
            assertEquals(200, s.http.post("/api/v1/fingerprints", alice, SignedFiles.ALICE_FP, "application/octet-stream").status(),
                    "the same file again: already registered, nothing added");
            assertEquals(201, s.http.post("/api/v1/fingerprints", bob, SignedFiles.BOB_FP, "application/octet-stream").status());

            assertEquals(1, s.http.get("/api/v1/fingerprints", bob).json().get("fingerprints").size());
            Http.Response missing = s.http.get("/api/v1/fingerprints/ffffffffffff", bob);
            for (String path : new String[] {"/api/v1/fingerprints/" + aliceId, "/api/v1/fingerprints/" + aliceId + "/file"}) {
                Http.Response foreign = s.http.get(path, bob);
                assertRefused(404, foreign, path);
                assertEquals(missing.body().replace("ffffffffffff", aliceId), foreign.body(), "as if it did not exist");
            }
            assertRefused(404, s.http.delete("/api/v1/fingerprints/" + aliceId, bob), "bob removing alice's");
            assertRefused(403, s.http.get("/api/v1/fingerprints/" + aliceId + "/file", hub), "a hub asking for queries");
            assertArrayEquals(SignedFiles.ALICE_FP, s.http.bytes("/api/v1/fingerprints/" + aliceId + "/file", alice),
                    "the owner gets its file back byte for byte");

            // bob signs alice's content with his key and registers it: refused without alice's name
            Http.Response takeover = s.http.post("/api/v1/fingerprints", bob, SignedFiles.ALICE_FP, "application/octet-stream");
            assertRefused(409, takeover, "bob registering alice's file");
            Http.Response garbage = s.http.post("/api/v1/fingerprints", bob, "not a fingerprint".getBytes(), "application/octet-stream");
            assertRefused(400, garbage, "garbage");

            try (RegistryDatabase database = s.open()) {
                Registry registry = new Registry(database);
                LinearModel copy = LinearModel.perturbed(SignedFiles.ALICE_MODEL, 0.05f, 9);
                new EvidenceLog(database, s.registryKey).append(EvidenceRecords.of(new SuspectIdentity("copy", null, null),
                        new SuspectScan(null, 0.01).scan(copy, registry.loadAll())));
            }
            JsonNode bobs = s.http.get("/api/v1/verdicts", bob).json().get("records");
            JsonNode alices = s.http.get("/api/v1/verdicts", alice).json().get("records");
            assertEquals(1, bobs.size());
            assertEquals(1, alices.size());
            assertEquals("bob", bobs.get(0).get("owner").asText());
            assertEquals(aliceId, alices.get(0).get("fingerprintId").asText());
            assertEquals("derived", alices.get(0).get("verdict").asText());

            assertEquals(200, s.http.delete("/api/v1/fingerprints/" + aliceId, alice).status());
            assertEquals(0, s.http.get("/api/v1/fingerprints", alice).json().get("fingerprints").size());
            assertEquals(1, s.http.get("/api/v1/verdicts", alice).json().get("records").size(), "evidence outlives the entry");
        }
    }

    @Test
    void anAdminMakesPrincipalsAndTokensAndAnAuditorChecksTheLog() throws Exception {
        try (TestService s = new TestService(newDatabase(dir), dir, NOT_USED, 4, 1 << 20)) {
            String admin = s.token("root", Role.ADMIN);
            Http.Response made = s.http.postJson("/api/v1/principals", admin, "{\"name\": \"audit\", \"role\": \"auditor\", \"expiresIn\": \"1h\"}");
            assertEquals(201, made.status(), made.body());
            String auditor = made.json().get("token").asText();
            assertFalse(made.json().get("expiresAt").isNull());
            assertEquals("auditor", s.http.get("/api/v1/whoami", auditor).json().get("role").asText());
            assertRefused(409, s.http.postJson("/api/v1/principals", admin, "{\"name\": \"audit\", \"role\": \"hub\"}"), "taken");
            assertRefused(400, s.http.postJson("/api/v1/principals", admin, "{\"name\": \"x\", \"role\": \"king\"}"), "role");
            assertRefused(400, s.http.postJson("/api/v1/principals", admin, "{\"name\": \"x'; DROP TABLE principals;--\", \"role\": \"hub\"}"), "name");
            assertRefused(400, s.http.postJson("/api/v1/principals", admin, "[1,"), "not JSON");
            assertEquals(2, s.http.get("/api/v1/principals", admin).json().get("principals").size());

            String owner = s.token("alice", Role.OWNER);
            assertEquals(201, s.http.post("/api/v1/fingerprints", owner, SignedFiles.ALICE_FP, "application/octet-stream").status());
            try (RegistryDatabase database = s.open()) {
                var records = EvidenceRecords.of(new SuspectIdentity("copy", null, null), new SuspectScan(null, 0.01)
                        .scan(LinearModel.perturbed(SignedFiles.ALICE_MODEL, 0.05f, 9), new Registry(database).loadAll()));
                new EvidenceLog(database, s.registryKey).append(records);
                new EvidenceLog(database, s.registryKey).append(records);
            }
            JsonNode page = s.http.get("/api/v1/evidence?limit=1", auditor).json();
            assertEquals(1, page.get("records").size());
            assertEquals(1, page.get("next").asLong());
            assertTrue(s.http.get("/api/v1/evidence?after=1", auditor).json().get("next").isNull());
            assertRefused(400, s.http.get("/api/v1/evidence?limit=0", auditor), "limit");
            JsonNode verified = s.http.get("/api/v1/evidence/verify", auditor).json();
            assertTrue(verified.get("intact").asBoolean(), verified.toString());
            assertEquals(2, verified.get("records").asLong());
            assertEquals(s.registryKey.id(), verified.get("registryKeys").get(0).asText());
            assertEquals(s.registryKey.id(), s.http.get("/api/v1/registry-key", null).json().get("keyId").asText());
            try (RegistryDatabase database = s.open(); var change = database.connection().createStatement()) {
                change.executeUpdate("UPDATE evidence SET verdict = 'independent' WHERE seq = 1");
            }
            JsonNode broken = s.http.get("/api/v1/evidence/verify", auditor).json();
            assertFalse(broken.get("intact").asBoolean());
            assertEquals(1, broken.get("firstBadRecord").asLong());

            assertEquals(1, s.http.delete("/api/v1/principals/audit/tokens", admin).json().get("revoked").asInt());
            assertRefused(401, s.http.get("/api/v1/whoami", auditor), "revoked");
            String again = s.http.postJson("/api/v1/principals/audit/tokens", admin, "{}").json().get("token").asText();
            assertEquals("audit", s.http.get("/api/v1/whoami", again).json().get("name").asText());
            assertRefused(404, s.http.postJson("/api/v1/principals/nobody/tokens", admin, "{}"), "no such principal");
        }
    }

    /** A refusal: this status, one JSON object with an error, no stack trace, no other owner's name. */
    static void assertRefused(int status, Http.Response response, String where) {
        assertEquals(status, response.status(), where + ": " + response.body());
        assertTrue(response.json().get("error").isTextual(), where + ": " + response.body());
        for (String leak : new String[] {"Exception", "\tat ", "alice", "/tmp", "SELECT", "jdbc:"}) {
            assertFalse(response.body().contains(leak), where + " leaks " + leak + ": " + response.body());
        }
    }

    /** The role tests never reach a scan. */
    static final SuspectScanner NOT_USED = (database, log, suspect, recordedAs, withEvidence) -> {
        throw new AssertionError("no scan expected");
    };
}
