package io.modelprint.service;

import static io.modelprint.service.ServiceRolesContract.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.registry.service.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suspect uploads and the scan queue, over real HTTP on SQLite: names that are not plain model file names,
 * bodies over the limit (announced or not), files that are not what they say, zips that would escape or
 * explode, and a full queue. The scanner here only records what it was handed: what is tested is what
 * reaches it.
 */
class ServiceUploadsTest {
    private static final int LIMIT = 64 * 1024;
    private static final byte[] ZIP_HEADED = {'P', 'K', 3, 4, 0, 0, 0, 0};

    @TempDir
    Path dir;

    /** Hands every suspect path to {@code seen}, waits for {@code gate}, and reports a scan that checked nothing. */
    private static SuspectScanner recording(List<String> seen, CountDownLatch gate) {
        return (database, log, suspect, recordedAs, withEvidence) -> {
            seen.add(suspect);
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Map<String, Object> result = new java.util.LinkedHashMap<>(Map.of("suspect", recordedAs, "matches", List.of()));
            log.append(List.of(), stored -> withEvidence.run(result, null, null, Map.of()));
            return result;
        };
    }

    /**
     * A body over the limit is answered 413 without being read; the server may close before the client has sent it
     * all, which a client sees as the connection cut while sending (a race on the socket buffers): that is the refusal
     * too. Whatever the client sees, nothing may be kept (asserted by the caller).
     */
    private static void assertTooLarge(HttpRequest request) throws InterruptedException {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), response.body());
        } catch (java.io.IOException cut) {
            // refused before the body was read: the connection was closed under the sender
        }
    }

    @Test
    void namesThatAreNotPlainModelFileNamesAndBodiesOverTheLimitAreRefusedAndNothingIsKept() throws Exception {
        List<String> seen = new ArrayList<>();
        try (TestService s = new TestService(TestDatabases.sqlite(dir), dir, recording(seen, new CountDownLatch(0)), 4, LIMIT)) {
            String hub = s.token("hub", Role.HUB);
            for (String name : new String[] {"../../escaped.pt", "a/b.pt", "..%2F..%2Fescaped.pt", ".hidden.pt", "model.exe",
                "model", "x\u001b[2J.pt"}) {
                String query = name.startsWith("..%2F") ? name : java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
                Http.Response refused = s.http.post("/api/v1/scans?filename=" + query, hub, ZIP_HEADED, "application/octet-stream");
                assertRefused(400, refused, name);
                assertFalse(refused.body().contains("\u001b"), refused.body());
            }
            assertRefused(400, s.http.post("/api/v1/scans", hub, ZIP_HEADED, "application/octet-stream"), "no filename");
            assertFalse(Files.exists(dir.resolve("escaped.pt")) || Files.exists(dir.getParent().resolve("escaped.pt")));

            byte[] big = new byte[LIMIT + 1];
            big[0] = 'P';
            HttpRequest announced = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.service.port()
                    + "/api/v1/scans?filename=big.pt")).header("Authorization", "Bearer " + hub)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build();
            assertTooLarge(announced);
            HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.service.port()
                    + "/api/v1/scans?filename=big.pt")).header("Authorization", "Bearer " + hub)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
            assertTooLarge(chunked);

            assertRefused(400, s.http.post("/api/v1/scans?filename=model.pt", hub, "not a model".getBytes(), "application/octet-stream"),
                    "a .pt that is no zip");
            assertRefused(400, s.http.post("/api/v1/scans?filename=model.onnx", hub, new byte[0], "application/octet-stream"), "empty");
            assertRefused(400, s.http.postJson("/api/v1/scans", hub, "{\"url\": \"file:///etc/passwd\"}"), "not a model URL");
            try (var left = Files.list(s.uploadDir)) {
                assertEquals(0, left.count(), "a refused upload leaves nothing");
            }
            assertEquals(0, s.http.get("/api/v1/scans", hub).json().get("scans").size());
            assertTrue(seen.isEmpty());
        }
    }

    @Test
    void aZipThatWouldEscapeOrExplodeFailsItsJobBeforeAnyScan() throws Exception {
        List<String> seen = new ArrayList<>();
        try (TestService s = new TestService(TestDatabases.sqlite(dir), dir, recording(seen, new CountDownLatch(0)), 4, LIMIT)) {
            String hub = s.token("hub", Role.HUB);
            JsonNode escaping = submitAndWait(s, hub, "escape.zip", zip(Map.of("model/../../outside.txt", new byte[10])));
            assertEquals("failed", escaping.get("status").asText());
            assertTrue(escaping.get("error").asText().contains("no subfolders, no '..'"), escaping.toString());
            JsonNode bomb = submitAndWait(s, hub, "bomb.zip", zip(Map.of("weights.params", new byte[5 * LIMIT])));
            assertEquals("failed", bomb.get("status").asText());
            assertTrue(bomb.get("error").asText().contains("not a zip of a model directory"), bomb.toString());
            assertFalse(bomb.get("error").asText().contains(s.uploadDir.toString()), bomb.toString());
            assertTrue(seen.isEmpty(), "nothing reached the scanner");
            assertFalse(Files.exists(dir.resolve("outside.txt")) || Files.exists(s.uploadDir.resolve("outside.txt")));

            JsonNode fine = submitAndWait(s, hub, "model.zip", zip(Map.of("model/provenance.json", "{}".getBytes(),
                    "model/weights.params", new byte[100])));
            assertEquals("done", fine.get("status").asText(), fine.toString());
            Path unpacked = Path.of(seen.get(0));
            assertEquals(s.uploadDir, unpacked.getParent(), "unpacked inside the upload directory");
            try (var left = Files.list(s.uploadDir)) {
                assertEquals(0, left.count(), "a finished job's upload is removed");
            }
        }
    }

    @Test
    void aFullQueueRefusesWith429WithoutReadingTheUploadAndTakesJobsAgainOnceItDrains() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch gate = new CountDownLatch(1);
        try (TestService s = new TestService(TestDatabases.sqlite(dir), dir, recording(seen, gate), 2, LIMIT)) {
            String hub = s.token("hub", Role.HUB);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Http.Response accepted = s.http.post("/api/v1/scans?filename=m" + i + ".pt", hub, ZIP_HEADED, "application/octet-stream");
                assertEquals(202, accepted.status(), accepted.body());
                assertEquals("/api/v1/scans/" + accepted.json().get("id").asText(), accepted.headers().firstValue("Location").orElse(""));
                ids.add(accepted.json().get("id").asText());
            }
            Http.Response full = s.http.post("/api/v1/scans?filename=m2.pt", hub, ZIP_HEADED, "application/octet-stream");
            assertRefused(429, full, "a full queue");
            assertTrue(full.headers().firstValue("Retry-After").isPresent());
            try (var kept = Files.list(s.uploadDir)) {
                assertEquals(2, kept.count(), "the refused upload was not stored");
            }
            AtomicInteger running = new AtomicInteger();
            for (String id : ids) {
                String status = s.http.get("/api/v1/scans/" + id, hub).json().get("status").asText();
                assertTrue(status.equals("running") || status.equals("queued"), status);
                running.addAndGet(status.equals("running") ? 1 : 0);
            }
            assertTrue(running.get() <= 1, "one worker: at most one running");
            gate.countDown();
            for (String id : ids) {
                assertEquals("done", s.http.awaitScan(id, hub).get("status").asText());
            }
            for (int waited = 0; s.service.jobsInFlight() > 0 && waited < 100; waited++) {
                Thread.sleep(20);
            }
            Http.Response again = s.http.post("/api/v1/scans?filename=m3.pt", hub, ZIP_HEADED, "application/octet-stream");
            assertEquals(202, again.status(), again.body());
            assertEquals(3, s.http.get("/api/v1/scans", hub).json().get("scans").size());
            assertRefused(404, s.http.get("/api/v1/scans/" + ids.get(0), s.token("hub-2", Role.HUB)), "another hub's scan");
        }
    }

    @Test
    void anUploadThatTricklesInIsCutWith408AndLeavesNothing() throws Exception {
        try (TestService s = new TestService(TestDatabases.sqlite(dir), dir, recording(new ArrayList<>(), new CountDownLatch(0)), 4, LIMIT);
                java.net.Socket socket = new java.net.Socket("127.0.0.1", s.service.port())) {
            String hub = s.token("hub", Role.HUB);
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/v1/scans?filename=slow.pt HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + hub
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + LIMIT + "\r\n\r\nPK").getBytes());
            out.flush();
            String answer = "";
            for (int i = 0; i < 40 && answer.isEmpty(); i++) {
                Thread.sleep(250);
                try {
                    out.write(0);
                    out.flush();
                } catch (IOException closed) {
                    // the service gave up on us: read what it said
                }
                if (socket.getInputStream().available() > 0) {
                    answer = new String(socket.getInputStream().readNBytes(socket.getInputStream().available()));
                }
            }
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("slower than"), answer);
            try (var left = Files.list(s.uploadDir)) {
                assertEquals(0, left.count());
            }
        }
    }

    private static JsonNode submitAndWait(TestService s, String hub, String name, byte[] body) throws InterruptedException {
        Http.Response accepted = s.http.post("/api/v1/scans?filename=" + name, hub, body, "application/octet-stream");
        assertEquals(202, accepted.status(), accepted.body());
        return s.http.awaitScan(accepted.json().get("id").asText(), hub);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
