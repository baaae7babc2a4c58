package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelLoader;
import io.modelprint.model.Classifier;
import io.modelprint.serve.InferenceServer;
import io.modelprint.serve.ServedModel;
import io.modelprint.service.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * registry serve as a hub, owners and an auditor use it, against trained models: a suspect checked through
 * the service gets exactly the verdicts scan gives on the same registry, uploaded or by URL; each owner sees
 * the verdicts about its own fingerprints; the chain the auditor checks is the one registry log verify checks.
 */
class RegistryServeTest {
    @TempDir
    Path dir;

    @Test
    void aSuspectCheckedThroughTheServiceGetsTheVerdictsScanGivesAndEachOwnerSeesItsOwn() throws Exception {
        String db = dir.resolve("registry.db").toString();
        assertEquals(0, CliRunner.run("registry", "add", ServeFixtures.ALICE_FP.toString(), "--owner", "alice", "--db", db).exitCode());
        assertEquals(0, CliRunner.run("registry", "add", ServeFixtures.BOB_FP.toString(), "--owner", "bob", "--db", db).exitCode());
        CliRunner.Result bootstrap = CliRunner.run("registry", "principal", "add", "--db", db, "--role", "admin", "--name", "root",
                "--format", "json");
        assertEquals(0, bootstrap.exitCode(), bootstrap.err());
        String admin = bootstrap.json().get("token").asText();
        CliRunner.Result text = CliRunner.run("registry", "principal", "add", "--db", db, "--role", "auditor", "--name", "audit");
        assertTrue(text.out().strip().matches("mpt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"), "only the token on stdout: " + text.out());
        String auditor = text.out().strip();

        Classifier served = ModelLoader.loadClassifier(ServeFixtures.ALICE, InputSpec.fashionMnist());
        try (InferenceServer server = new InferenceServer(new ServedModel("alice", served, false, 1), 64,
                ServeCommand.maxBodyBytes(served.inputSpec(), 64)).start("127.0.0.1", 0);
                ServeRun serve = new ServeRun("--db", db, "--url-suspects")) {
            Http http = serve.http;
            String hub = principal(http, admin, "hub-1", "hub");
            String alice = principal(http, admin, "alice", "owner");
            String bob = principal(http, admin, "bob", "owner");

            JsonNode uploaded = scan(http, hub, http.post("/api/v1/scans?filename=alice.zip", hub,
                    Files.readAllBytes(ServeFixtures.ALICE_ZIP), "application/octet-stream"));
            JsonNode local = CliRunner.run("scan", "--db", db, "--format", "json", ServeFixtures.ALICE.toString()).json();
            assertSameVerdicts(local.get("results").get(0), uploaded.get("result"));
            assertTrue(uploaded.get("result").get("suspect").asText().matches("upload:[0-9a-f-]{36}:alice\\.zip"),
                    uploaded.get("result").get("suspect").asText());
            assertEquals(local.get("results").get(0).get("suspectSha256"), uploaded.get("result").get("suspectSha256"),
                    "the zipped directory is the directory");

            String url = "http://127.0.0.1:" + server.port() + "/v2/models/alice";
            JsonNode remote = scan(http, hub, http.postJson("/api/v1/scans", hub, "{\"url\": \"" + url + "\"}"));
            JsonNode viaCli = CliRunner.run("scan", "--db", db, "--format", "json", "--no-cache", url).json();
            assertSameVerdicts(viaCli.get("results").get(0), remote.get("result"));

            String id = uploaded.get("id").asText();
            JsonNode alicesView = http.get("/api/v1/scans/" + id, alice).json();
            JsonNode bobsView = http.get("/api/v1/scans/" + id, bob).json();
            assertEquals(1, alicesView.get("result").get("matches").size());
            assertEquals("alice", alicesView.get("result").get("matches").get(0).get("owner").asText());
            assertEquals("derived", alicesView.get("result").get("matches").get(0).get("verdict").asText());
            assertEquals(1, bobsView.get("result").get("matches").size());
            assertEquals("bob", bobsView.get("result").get("matches").get(0).get("owner").asText());
            String alicesId = alicesView.get("result").get("matches").get(0).get("fingerprint").asText();
            assertFalse(bobsView.toString().contains(alicesId) || bobsView.toString().contains("\"owner\":\"alice\""),
                    "nothing of alice's fingerprint in bob's view: " + bobsView);
            assertEquals(2, uploaded.get("result").get("matches").size(), "the hub sees every verdict");
            assertNoQueries(uploaded);

            JsonNode verified = http.get("/api/v1/evidence/verify", auditor).json();
            JsonNode cli = CliRunner.run("registry", "log", "verify", "--db", db, "--format", "json").json();
            assertTrue(verified.get("intact").asBoolean());
            assertEquals(cli.get("headHash"), verified.get("headHash"));
            assertEquals(cli.get("records"), verified.get("records"));
            assertEquals(cli.get("registryKeys"), verified.get("registryKeys"));
        } finally {
            served.close();
        }
    }

    @Test
    void anUploadThatIsNotAModelFailsItsJobSayingWhyAndTheServiceGoesOn() throws Exception {
        String db = dir.resolve("registry.db").toString();
        assertEquals(0, CliRunner.run("registry", "add", ServeFixtures.ALICE_FP.toString(), "--owner", "alice", "--db", db).exitCode());
        String hub = CliRunner.run("registry", "principal", "add", "--db", db, "--role", "hub", "--name", "hub", "--format", "json")
                .json().get("token").asText();
        try (ServeRun serve = new ServeRun("--db", db)) {
            Http http = serve.http;
            JsonNode failed = scan(http, hub, http.post("/api/v1/scans?filename=model.onnx", hub, "not an onnx model".getBytes(),
                    "application/octet-stream"));
            assertEquals("failed", failed.get("status").asText());
            String error = failed.get("error").asText();
            assertTrue(error.startsWith("model.onnx: "), error);
            assertFalse(error.contains(dir.toString()), "no path of the service's: " + error);
            assertEquals(0, failed.get("evidence").size());
            JsonNode refused = http.postJson("/api/v1/scans", hub, "{\"url\": \"http://127.0.0.1:1/v2/models/m\"}").json();
            assertTrue(refused.get("error").asText().contains("does not take URL suspects"), refused.toString());

            JsonNode fine = scan(http, hub, http.post("/api/v1/scans?filename=alice.zip", hub,
                    Files.readAllBytes(ServeFixtures.ALICE_ZIP), "application/octet-stream"));
            assertEquals("done", fine.get("status").asText(), fine.toString());
            assertEquals(0, CliRunner.run("registry", "log", "verify", "--db", db).exitCode());
        }
    }

    private static String principal(Http http, String admin, String name, String role) {
        Http.Response made = http.postJson("/api/v1/principals", admin, "{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}");
        assertEquals(201, made.status(), made.body());
        return made.json().get("token").asText();
    }

    private static JsonNode scan(Http http, String hub, Http.Response submitted) throws InterruptedException {
        assertEquals(202, submitted.status(), submitted.body());
        return http.awaitScan(submitted.json().get("id").asText(), hub);
    }

    /** The same fingerprints with the same verdicts, p-values and similarities (one machine, one computation). */
    static void assertSameVerdicts(JsonNode expected, JsonNode actual) {
        assertNotNull(actual, "no result");
        Map<String, JsonNode> byId = new HashMap<>();
        actual.get("matches").forEach(m -> byId.put(m.get("fingerprint").asText(), m));
        assertEquals(expected.get("matches").size(), byId.size());
        for (JsonNode want : expected.get("matches")) {
            JsonNode got = byId.get(want.get("fingerprint").asText());
            String where = want.get("fingerprint").asText();
            assertNotNull(got, where);
            assertEquals(want.path("verdict"), got.path("verdict"), where);
            assertEquals(want.path("incompatible"), got.path("incompatible"), where);
            assertEquals(want.path("pValue").asDouble(-1), got.path("pValue").asDouble(-1), 1e-12, where);
            assertEquals(want.path("similarity").asDouble(-1), got.path("similarity").asDouble(-1), 1e-12, where);
            assertEquals(want.path("answersSha256"), got.path("answersSha256"), where);
        }
    }

    /** A hub's answer holds verdicts, never a fingerprint's queries: no array longer than the evidence range. */
    private static void assertNoQueries(JsonNode node) {
        if (node.isArray() && node.size() > 2 && node.get(0).isNumber()) {
            throw new AssertionError("an array of numbers in a hub's answer: " + node);
        }
        node.elements().forEachRemaining(RegistryServeTest::assertNoQueries);
    }
}
