package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.service.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * registry serve's ownership report pages of a real scan: the hub that submitted it reads every verdict without any
 * fingerprint's queries, each owner only its own fingerprints with their queries, nobody else anything; the pages load
 * over HTTP in headless Chromium with no console error and show the verdicts scan gives.
 */
class ServiceReportTest {
    @TempDir
    static Path dir;

    static ServeRun serve;
    static String hub;
    static String otherHub;
    static String alice;
    static String bob;
    static String auditor;
    static String scanId;
    static JsonNode scanned;

    @BeforeAll
    static void aHubScansAlicesCopyAgainstAlicesAndBobsFingerprints() throws Exception {
        String db = dir.resolve("registry.db").toString();
        assertEquals(0, CliRunner.run("registry", "add", ServeFixtures.ALICE_FP.toString(), "--owner", "alice", "--db", db).exitCode());
        assertEquals(0, CliRunner.run("registry", "add", ServeFixtures.BOB_FP.toString(), "--owner", "bob", "--db", db).exitCode());
        hub = token(db, "hub", "hub-1");
        otherHub = token(db, "hub", "hub-2");
        alice = token(db, "owner", "alice");
        bob = token(db, "owner", "bob");
        auditor = token(db, "auditor", "audit");
        serve = new ServeRun("--db", db);
        Http.Response submitted = serve.http.post("/api/v1/scans?filename=alice.zip", hub, Files.readAllBytes(ServeFixtures.ALICE_ZIP),
                "application/octet-stream");
        assertEquals(202, submitted.status(), submitted.body());
        scanId = submitted.json().get("id").asText();
        scanned = serve.http.awaitScan(scanId, hub);
        assertEquals("done", scanned.get("status").asText(), scanned.toString());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (serve != null) {
            serve.close();
        }
    }

    private static String token(String db, String role, String name) {
        CliRunner.Result made = CliRunner.run("registry", "principal", "add", "--db", db, "--role", role, "--name", name);
        assertEquals(0, made.exitCode(), made.err());
        return made.out().strip();
    }

    private static String fingerprintOf(String owner) {
        for (JsonNode match : scanned.get("result").get("matches")) {
            if (owner.equals(match.get("owner").asText())) {
                return match.get("fingerprint").asText();
            }
        }
        throw new AssertionError("no fingerprint of " + owner + " in " + scanned);
    }

    @Test
    void eachCallerGetsThePageItsRoleAllowsAndNoOtherOne() {
        String path = "/api/v1/scans/" + scanId + "/report";
        Http.Response hubs = serve.http.get(path, hub);
        assertEquals(200, hubs.status(), hubs.body());
        assertTrue(hubs.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), hubs.headers().toString());
        assertTrue(hubs.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertTrue(hubs.body().contains(fingerprintOf("alice")) && hubs.body().contains(fingerprintOf("bob")), "every verdict");
        assertFalse(hubs.body().contains("data:image"), "no query image on the hub's page");
        assertTrue(hubs.body().contains("queries are withheld"));

        Http.Response alices = serve.http.get(path, alice);
        assertEquals(200, alices.status(), alices.body());
        assertTrue(alices.body().contains(fingerprintOf("alice")) && alices.body().contains("data:image/png"), "her queries");
        assertFalse(alices.body().contains(fingerprintOf("bob")), "nothing of bob's fingerprint on alice's page");
        assertTrue(alices.body().contains("/api/v1/fingerprints/" + fingerprintOf("alice") + "/file"), "how to verify again");
        Http.Response bobs = serve.http.get(path, bob);
        assertEquals(200, bobs.status(), bobs.body());
        assertFalse(bobs.body().contains(fingerprintOf("alice")) || bobs.body().contains(">alice<"), "nothing of alice's on bob's page");

        assertEquals(404, serve.http.get(path, otherHub).status(), "another hub's scan");
        assertEquals(403, serve.http.get(path, auditor).status());
        assertEquals(401, serve.http.get(path, null).status());
        Http.Response missing = serve.http.get("/api/v1/scans/no-such-scan/report", hub);
        assertEquals(404, missing.status());
        assertFalse(missing.body().contains("<html"), missing.body());
    }

    @Test
    void thePagesLoadOverHttpInABrowserWithTheScansVerdicts() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.startOrSkip()) {
            String url = "http://127.0.0.1:" + serve.command.boundPort() + "/api/v1/scans/" + scanId + "/report";
            chromium.open(url, alice);
            assertEquals(List.of(), chromium.severeLogs(), "console errors");
            JsonNode own = null;
            for (JsonNode match : scanned.get("result").get("matches")) {
                own = "alice".equals(match.get("owner").asText()) ? match : own;
            }
            String headline = (String) chromium.script("return document.querySelector('#headline .verdict').textContent");
            assertEquals(own.get("verdict").asText() + " (uncalibrated)", headline, "scan's verdict, said to rest on defaults");
            long images = (long) chromium.script("return [...document.querySelectorAll('.query-grid img')]"
                    + ".filter(i => i.complete && i.naturalWidth === 28).length");
            assertEquals(own.get("queries").asLong(), images, "every query of alice's fingerprint, decoded");
            chromium.screenshot("service-owner-report.png");

            chromium.open(url, hub);
            assertEquals(List.of(), chromium.severeLogs(), "console errors");
            assertEquals(0L, chromium.script("return document.querySelectorAll('img').length"), "no query on the hub's page");
            assertEquals(2L, chromium.script("return document.querySelectorAll('section.fingerprint').length"));
            chromium.screenshot("service-hub-report.png");
        }
    }
}
