package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelLoader;
import io.modelprint.model.Classifier;
import io.modelprint.serve.InferenceServer;
import io.modelprint.serve.ServedModel;
import io.modelprint.testing.Flakiness;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} and remote suspects, against a real server on a free loopback port. */
class CliServeTest {
    private static final int MAX_BATCH = 64;

    @TempDir
    static Path dir;

    static Path target;
    static Path fingerprint;
    static Classifier model;
    static InferenceServer server;
    static String url;
    static double localRate;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void serveATrainedModel() throws IOException {
        Path data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 600, 200, 28);
        target = dir.resolve("target");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "2", "--seed", "1",
                "--out", target.toString()).exitCode());
        fingerprint = dir.resolve("fp.npz");
        CliRunner.Result extracted = CliRunner.run("extract", "--model", target.toString(), "--n", "40", "--seed", "4",
                "--data", data.toString(), "--out", fingerprint.toString());
        assertEquals(0, extracted.exitCode(), extracted.err());
        model = ModelLoader.loadClassifier(target, InputSpec.fashionMnist());
        server = new InferenceServer(new ServedModel("target", model, false, 2), MAX_BATCH,
                ServeCommand.maxBodyBytes(model.inputSpec(), MAX_BATCH)).start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + server.port() + "/v2/models/target";
        CliRunner.Result local = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json", target.toString());
        localRate = local.json().get("results").get(0).get("matchingRate").asDouble();
        assertEquals(1.0, localRate);
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
    }

    private static JsonNode verify(String suspect, String... extra) {
        String[] base = {"verify", "--fingerprint", fingerprint.toString(), "--format", "json", "--cache-dir",
            dir.resolve("cache-" + System.nanoTime()).toString()};
        String[] args = new String[base.length + extra.length + 1];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        args[args.length - 1] = suspect;
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return r.json().get("results").get(0);
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String pixels(int count, String value) {
        return String.join(",", java.util.Collections.nCopies(count, value));
    }

    @Test
    void verifyingThroughServeGivesTheLocalVerdict() {
        JsonNode remote = verify(url);
        assertEquals(localRate, remote.get("matchingRate").asDouble());
        assertEquals("derived", remote.get("verdict").asText());
        assertEquals(40, remote.get("queriesSent").asInt());
        assertEquals(0, remote.get("retries").asInt());
        assertTrue(remote.get("seconds").asDouble() > 0);
    }

    @Test
    void aServerFailingEveryOtherRequestGivesTheSameVerdictWithNoQueryLost() throws IOException {
        try (MisbehavingProxy proxy = new MisbehavingProxy(server.port(), Flakiness.FAIL_EVERY_OTHER)) {
            JsonNode remote = verify(proxy.url("target"), "--batch-size", "10");
            assertEquals(localRate, remote.get("matchingRate").asDouble());
            assertEquals(4, remote.get("retries").asInt(), "4 requests of 10, each refused once");
            assertEquals(4, proxy.forwarded.get(), "each batch reached the model exactly once");
            assertEquals(80, remote.get("queriesSent").asInt(), "refused requests count as sent");
        }
    }

    @Test
    void aSlowServerTimesOutAndTheRetryGivesTheSameVerdict() throws IOException {
        try (MisbehavingProxy proxy = new MisbehavingProxy(server.port(), Flakiness.SLOW_FIRST)) {
            JsonNode remote = verify(proxy.url("target"), "--read-timeout", "0.5");
            assertEquals(localRate, remote.get("matchingRate").asDouble());
            assertEquals(1, remote.get("retries").asInt());
        }
    }

    @Test
    void aRequestWrittenByHandAsTheProtocolDescribesItIsAnswered() throws Exception {
        String body = "{\n  \"id\" : \"42\",\n  \"inputs\" : [\n    {\n      \"name\" : \"input\",\n      \"shape\" : [1, 1, 28, 28],\n"
                + "      \"datatype\" : \"FP32\",\n      \"data\" : [" + pixels(392, "0.0") + "," + pixels(392, "1.0") + "]\n    }\n  ],\n"
                + "  \"outputs\" : [\n    { \"name\" : \"label\" }\n  ]\n}";
        HttpResponse<String> response = post("/v2/models/target/infer", body);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertEquals("target", json.get("model_name").asText());
        assertEquals("42", json.get("id").asText());
        JsonNode label = json.get("outputs").get(0);
        assertEquals("label", label.get("name").asText());
        assertEquals("INT64", label.get("datatype").asText());
        assertEquals("[1]", label.get("shape").toString());
        float[] image = new float[784];
        java.util.Arrays.fill(image, 392, 784, 1f);
        assertEquals(model.predictLabels(image, 1)[0], label.get("data").get(0).asLong());
        HttpResponse<String> metadata = get("/v2/models/target");
        assertTrue(metadata.body().contains("\"shape\":[-1,1,28,28]") && metadata.body().contains("\"scores\""), metadata.body());
        assertEquals(200, get("/v2/health/live").statusCode());
        assertEquals(200, get("/v2/health/ready").statusCode());
    }

    @Test
    void badRequestsGetA4xxWithAnErrorBodyAndTheServerKeepsServing() throws Exception {
        String image = pixels(784, "0.5");
        assertRefused(400, "expected [n, 1, 28, 28]", post("/v2/models/target/infer",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,28,28],\"datatype\":\"FP32\",\"data\":[" + image + "]}]}"));
        assertRefused(400, "NaN at flat index 3", post("/v2/models/target/infer",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,1,28,28],\"datatype\":\"FP32\",\"data\":[0,0,0,NaN," + pixels(780, "0") + "]}]}"));
        assertRefused(400, "expected FP32", post("/v2/models/target/infer",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,1,28,28],\"datatype\":\"INT32\",\"data\":[" + pixels(784, "0") + "]}]}"));
        assertRefused(400, "more than " + MAX_BATCH * 784 + " values", post("/v2/models/target/infer",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[65,1,28,28],\"datatype\":\"FP32\",\"data\":[" + pixels(65 * 784, "0")
                        + "]}]}"));
        assertRefused(400, "1 to " + MAX_BATCH, post("/v2/models/target/infer",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[0,1,28,28],\"datatype\":\"FP32\",\"data\":[]}]}"));
        assertRefused(400, "unknown output \"logits\"", post("/v2/models/target/infer",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,1,28,28],\"datatype\":\"FP32\",\"data\":[" + image + "]}],"
                        + "\"outputs\":[{\"name\":\"logits\"}]}"));
        assertRefused(400, "not valid JSON", post("/v2/models/target/infer", "<html>"));
        assertRefused(400, "goes on after its JSON object", post("/v2/models/target/infer",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,1,28,28],\"datatype\":\"FP32\",\"data\":[" + image + "]}]} {}"));
        assertRefused(400, "more than " + MAX_BATCH * 784 + " values", post("/v2/models/target/infer",
                "{\"inputs\":[{\"name\":\"input\",\"datatype\":\"FP32\",\"data\":[" + pixels(MAX_BATCH * 784 + 1, "0")
                        + "],\"shape\":[1,1,28,28]}]}"));
        assertRefused(404, "unknown model \"other\"", post("/v2/models/other/infer", "{}"));
        assertRefused(404, "/v3/nothing not found", get("/v3/nothing"));
        HttpResponse<String> huge = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/v2/models/target/infer")).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100 << 20])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(413, "over this server's limit", huge);
        HttpResponse<String> fine = post("/v2/models/target/infer",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,1,28,28],\"datatype\":\"FP32\",\"data\":[" + image + "]}]}");
        assertEquals(200, fine.statusCode(), "still serving after bad requests: " + fine.body());
    }

    @Test
    void aMalformedUriIsAnsweredWithJsonLikeEveryOtherRefusal() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("GET /v2/models/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            assertTrue(answer.contains("application/json") && answer.contains("{\"error\":"), answer);
            assertFalse(answer.contains("<html"), answer);
        }
    }

    @Test
    void slowBodiesAreCutOffAndANormalRequestIsStillAnswered() throws Exception {
        int connections = 300;
        // a length the server accepts (a larger one is refused at once with 413, which no slow client would send)
        long length = ServeCommand.maxBodyBytes(model.inputSpec(), MAX_BATCH) / 2;
        java.util.List<java.net.Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port());
                socket.getOutputStream().write(("POST /v2/models/target/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + length + "\r\n\r\n{").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                slow.add(socket);
            }
            Thread trickle = new Thread(() -> {
                for (int second = 0; second < 15; second++) {
                    for (java.net.Socket socket : slow) {
                        try {
                            socket.getOutputStream().write(' ');
                            socket.getOutputStream().flush();
                        } catch (IOException e) {
                            // the server hung up on this slow client, as it should
                        }
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            Thread.sleep(3000);
            long start = System.nanoTime();
            HttpResponse<String> fine = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/v2/models/target/infer")).timeout(java.time.Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":[{\"name\":\"input\",\"shape\":[1,1,28,28],"
                            + "\"datatype\":\"FP32\",\"data\":[" + pixels(784, "0.5") + "]}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("serve: a normal request under %d slow-body connections answered in %.2f s%n", connections, seconds);
            assertEquals(200, fine.statusCode(), fine.body());
            trickle.interrupt();
        } finally {
            for (java.net.Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static void assertRefused(int status, String inMessage, HttpResponse<String> response) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).contains("json"));
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertTrue(json.get("error").asText().contains(inMessage), response.body());
        assertFalse(response.body().contains("at io.") || response.body().contains("Exception"), "no stack trace: " + response.body());
    }

    @Test
    void aLabelsOnlyServerOffersNoScores() throws Exception {
        try (InferenceServer labelsOnly = new InferenceServer(new ServedModel("t2", model, true, 1), 64, 40_000).start("127.0.0.1", 0)) {
            HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + labelsOnly.port()
                    + "/v2/models/t2")).build(), HttpResponse.BodyHandlers.ofString());
            assertFalse(metadata.body().contains("scores"), metadata.body());
            JsonNode remote = verify("http://127.0.0.1:" + labelsOnly.port() + "/v2/models/t2");
            assertEquals(localRate, remote.get("matchingRate").asDouble());
            assertTrue(remote.get("requests").asInt() > 4, "the client halved its batch until the 40 kB body limit held: " + remote);
        }
    }

    @Test
    void aScoreSchemeAsksForScoresAndALabelsOnlyServerIsRefusedNamingTheSchemesThatWork() throws Exception {
        Path data = dir.resolve("data");
        Path sac = dir.resolve("sac-m.npz");
        assertEquals(0, CliRunner.run("extract", "--model", target.toString(), "--method", "sac-m", "--n", "30", "--data",
                data.toString(), "--out", sac.toString()).exitCode());
        Path cache = dir.resolve("score-cache");
        CliRunner.Result remote = CliRunner.run("verify", "--fingerprint", sac.toString(), "--format", "json", "--cache-dir",
                cache.toString(), url);
        assertEquals(0, remote.exitCode(), remote.err());
        JsonNode row = remote.json().get("results").get(0);
        assertEquals(1.0, row.get("similarity").asDouble(), 1e-6, "the served model's scores are the local logits: " + row);
        CliRunner.Result again = CliRunner.run("verify", "--fingerprint", sac.toString(), "--format", "json", "--cache-dir",
                cache.toString(), url);
        JsonNode cached = again.json().get("results").get(0);
        assertEquals(30, cached.get("cachedAnswers").asInt(), "score rows come from the cache: " + cached);
        assertEquals(row.get("similarity").asDouble(), cached.get("similarity").asDouble());

        // a hand-edited cache is refused (its answers would change the verdict)
        try (var files = Files.list(cache)) {
            Path file = files.findFirst().orElseThrow();
            String text = Files.readString(file);
            Files.writeString(file, text.replaceFirst("\\[-?[0-9.E]+", "[42.0"));
        }
        CliRunner.Result edited = CliRunner.run("verify", "--fingerprint", sac.toString(), "--format", "json", "--cache-dir",
                cache.toString(), url);
        assertEquals(ExitCode.PARTIAL_FAILURE, edited.exitCode());
        assertTrue(edited.json().get("results").get(0).get("error").asText().contains("changed"), edited.out());

        try (InferenceServer labelsOnly = new InferenceServer(new ServedModel("t3", model, true, 1), 64, 1 << 22).start("127.0.0.1", 0)) {
            CliRunner.Result refused = CliRunner.run("verify", "--fingerprint", sac.toString(), "--format", "json", "--no-cache",
                    "http://127.0.0.1:" + labelsOnly.port() + "/v2/models/t3");
            assertEquals(ExitCode.PARTIAL_FAILURE, refused.exitCode());
            String error = refused.json().get("results").get(0).get("error").asText();
            assertTrue(error.contains("labels only") && error.contains("sac-m-hard"), error);
        }
    }

    @Test
    void remoteBudgetAndCacheWorkFromTheCommandLine() {
        Path cache = dir.resolve("budget-cache");
        CliRunner.Result spent = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json",
                "--cache-dir", cache.toString(), "--max-queries", "25", "--batch-size", "10", url);
        assertEquals(ExitCode.PARTIAL_FAILURE, spent.exitCode());
        assertTrue(spent.json().get("results").get(0).get("error").asText().contains("--max-queries 25"), spent.out());
        assertEquals(25, spent.json().get("results").get(0).get("queriesSent").asInt(), spent.out());
        // the budget is a total over the runs that share the cache: 25 were spent, so 30 allows 5 more
        CliRunner.Result tooSmall = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json",
                "--cache-dir", cache.toString(), "--max-queries", "30", "--batch-size", "10", url);
        assertEquals(ExitCode.PARTIAL_FAILURE, tooSmall.exitCode());
        assertTrue(tooSmall.json().get("results").get(0).get("error").asText().contains("earlier runs"), tooSmall.out());
        CliRunner.Result resumed = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json",
                "--cache-dir", cache.toString(), "--max-queries", "45", "--batch-size", "10", url);
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        JsonNode row = resumed.json().get("results").get(0);
        assertEquals(40, row.get("queriesSent").asInt() + row.get("cachedAnswers").asInt(), row.toString());
        assertEquals(30, row.get("cachedAnswers").asInt(), "25 + the 5 the second run could still pay for: " + row);
        assertEquals(localRate, row.get("matchingRate").asDouble());
        assertNull(row.get("pValue"));
    }

    @Test
    void serveRefusesBadArgumentsBeforeListening() {
        CliRunner.Result port = CliRunner.run("serve", "--model", target.toString(), "--port", "70000");
        assertEquals(ExitCode.BAD_INPUT, port.exitCode());
        assertTrue(port.err().contains("--port must be in 0..65535"), port.err());
        CliRunner.Result missing = CliRunner.run("serve", "--model", dir.resolve("gone.pt").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("gone.pt"), missing.err());
        CliRunner.Result specOnDirectory = CliRunner.run("serve", "--model", target.toString(), "--channels-last");
        assertEquals(ExitCode.BAD_INPUT, specOnDirectory.exitCode());
        assertTrue(specOnDirectory.err().contains("records its input spec"), specOnDirectory.err());
        CliRunner.Result busy = CliRunner.run("serve", "--model", target.toString(), "--port", String.valueOf(server.port()));
        assertEquals(ExitCode.BAD_INPUT, busy.exitCode());
        assertTrue(busy.err().contains("cannot listen on 127.0.0.1:" + server.port()), busy.err());
    }

    @Test
    void calibratingWithARemoteNegativeGivesRemoteVerdictsAPValue() throws IOException {
        Path data = dir.resolve("data");
        Path independent = dir.resolve("independent");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--seed", "9",
                "--out", independent.toString()).exitCode());
        Path calibrated = dir.resolve("calibrated.npz");
        java.nio.file.Files.copy(fingerprint, calibrated);
        try (Classifier other = ModelLoader.loadClassifier(independent, InputSpec.fashionMnist());
                InferenceServer otherServer = new InferenceServer(new ServedModel("other", other, true, 1), 64, 1 << 22)
                        .start("127.0.0.1", 0)) {
            String otherUrl = "http://127.0.0.1:" + otherServer.port() + "/v2/models/other";
            CliRunner.Result calibration = CliRunner.run("calibrate", "--fingerprint", calibrated.toString(), "--no-cache",
                    "--negatives", otherUrl, independent.toString());
            assertEquals(0, calibration.exitCode(), calibration.err());
            CliRunner.Result r = CliRunner.run("verify", "--fingerprint", calibrated.toString(), "--format", "json", "--no-cache",
                    url, otherUrl);
            assertEquals(0, r.exitCode(), r.err());
            assertTrue(r.json().get("calibrated").asBoolean());
            JsonNode derived = r.json().get("results").get(0);
            JsonNode unrelated = r.json().get("results").get(1);
            assertEquals(io.modelprint.verify.SupportedPValue.floor(2), derived.get("pValue").asDouble(), 1e-12,
                    "beyond both references, as far as 2 references support: " + r.out());
            assertTrue(unrelated.get("pValue").asDouble() >= 2.0 / 3, "the remote reference itself: " + r.out());
            assertEquals("independent", unrelated.get("verdict").asText(), r.out());
        }
    }

    @Test
    void theServeCommandServesUntilStoppedOnTheFreePortItReports() throws Exception {
        ServeCommand command = new ServeCommand();
        new picocli.CommandLine(command).parseArgs("--model", target.toString(), "--name", "cmd", "--port", "0", "--labels-only");
        java.util.concurrent.FutureTask<Integer> running = new java.util.concurrent.FutureTask<>(command);
        Thread thread = new Thread(running, "serve-under-test");
        thread.start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (command.boundPort() < 0 && !running.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(command.boundPort() > 0, "serve reported no port");
        JsonNode remote = verify("http://127.0.0.1:" + command.boundPort() + "/v2/models/cmd");
        assertEquals(localRate, remote.get("matchingRate").asDouble());
        command.stop();
        assertEquals(ExitCode.OK, running.get(30, java.util.concurrent.TimeUnit.SECONDS));
        assertThrows(java.net.ConnectException.class, () -> http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + command.boundPort() + "/v2/health/live")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void concurrentRequestsGetTheAnswersOfTheirOwnImages() throws Exception {
        int images = 64;
        float[] values = new float[images * 784];
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        float[] expected;
        try (NDManager manager = NDManager.newBaseManager(); NDArray batch = manager.create(values, model.inputSpec().batchShape(images));
                NDArray logits = ((io.modelprint.model.Scored) model).predictLogits(batch)) {
            expected = logits.toFloatArray();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<JsonNode>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < images; i++) {
                int image = i;
                answers.add(pool.submit(() -> {
                    byte[] body = io.modelprint.model.remote.InferenceProtocol.inferRequest("input", new long[] {1, 1, 28, 28},
                            values, image * 784, 784, "scores");
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/infer"))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    return new ObjectMapper().readTree(response.body()).get("outputs").get(0).get("data");
                }));
            }
            for (int i = 0; i < images; i++) {
                JsonNode scores = answers.get(i).get();
                for (int c = 0; c < 10; c++) {
                    assertEquals(expected[i * 10 + c], (float) scores.get(c).asDouble(), 1e-4f, "image " + i + " class " + c);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anOnnxModelIsServedWithItsScores() throws Exception {
        Path onnx = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.onnx");
        Path pt = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt");
        float[] image = new float[784];
        java.util.Arrays.fill(image, 300, 500, 0.8f);
        try (Classifier onnxModel = ModelLoader.loadClassifier(onnx, InputSpec.fashionMnist());
                Classifier ptModel = ModelLoader.loadClassifier(pt, InputSpec.fashionMnist());
                InferenceServer onnxServer = new InferenceServer(new ServedModel("tiny", onnxModel, false, 2), 8, 1 << 20)
                        .start("127.0.0.1", 0);
                NDManager manager = NDManager.newBaseManager();
                NDArray batch = manager.create(image, ptModel.inputSpec().batchShape(1));
                NDArray logits = ((io.modelprint.model.Scored) ptModel).predictLogits(batch)) {
            byte[] body = io.modelprint.model.remote.InferenceProtocol.inferRequest("input", new long[] {1, 1, 28, 28}, image, 0, 784, null);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onnxServer.port()
                    + "/v2/models/tiny/infer")).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode outputs = new ObjectMapper().readTree(response.body()).get("outputs");
            assertEquals("scores", outputs.get(1).get("name").asText());
            float[] expected = logits.toFloatArray();
            for (int c = 0; c < 10; c++) {
                assertEquals(expected[c], (float) outputs.get(1).get("data").get(c).asDouble(), 1e-4f, "class " + c);
            }
        }
    }

    @Test
    void aDefendedServerStatesItsDefenseAndAnswersWithinIt() throws Exception {
        io.modelprint.lab.evasive.Defense defense = io.modelprint.lab.evasive.Defense.parse(java.util.List.of("round=1", "flip=0.5"));
        Classifier defended = io.modelprint.lab.evasive.DefendedClassifier.wrap(
                ModelLoader.loadClassifier(target, InputSpec.fashionMnist()), defense);
        try (defended; InferenceServer evasive = new InferenceServer(new ServedModel("evasive", defended, false, 2, defense.toString()),
                MAX_BATCH, ServeCommand.maxBodyBytes(defended.inputSpec(), MAX_BATCH)).start("127.0.0.1", 0)) {
            String evasiveUrl = "http://127.0.0.1:" + evasive.port() + "/v2/models/evasive";
            JsonNode metadata = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(evasiveUrl)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("round=1,flip=0.5,seed=1", metadata.get("parameters").get("defense").asText());
            // the client reads it (the evidence log records it with the metadata)
            try (var client = io.modelprint.model.remote.RemoteClassifier.connect(evasiveUrl, InputSpec.fashionMnist(), 10,
                    io.modelprint.model.remote.RemoteOptions.defaults(), null, true)) {
                assertEquals("round=1,flip=0.5,seed=1", client.metadata().parameters().get("defense"));
            }
            // half the labels flipped: the fingerprint sees it (the local model matched all of them)
            JsonNode r = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json", "--no-cache", evasiveUrl)
                    .json().get("results").get(0);
            double rate = r.get("matchingRate").asDouble();
            assertTrue(rate > 0.25 && rate < 0.75, "matching rate behind flip=0.5: " + rate);
        }
        CliRunner.Result bad = CliRunner.run("serve", "--model", target.toString(), "--defense", "noise=-1");
        assertEquals(ExitCode.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("--defense noise=-1"), bad.err());
    }

    @Test
    void theBenchReachesEvasiveSuspectsOverHttp() {
        try (HttpEvasiveServing serving = new HttpEvasiveServing()) {
            Classifier flipping = serving.serve("evasive-flip", ModelLoader.loadClassifier(target, InputSpec.fashionMnist()),
                    io.modelprint.lab.evasive.Defense.parse(java.util.List.of("flip=0.5")));
            assertTrue(flipping instanceof io.modelprint.model.remote.RemoteClassifier remote
                    && "flip=0.5,seed=1".equals(remote.metadata().parameters().get("defense")), flipping.description());
            assertTrue(flipping instanceof io.modelprint.model.Scored, "scores through HTTP unless top-1 only");
            io.modelprint.fingerprint.Fingerprint fp = io.modelprint.fingerprint.FingerprintFile.read(fingerprint);
            double rate = new io.modelprint.verify.Verifier((Double) null).verify(fp, flipping).matchingRate();
            assertTrue(rate > 0.25 && rate < 0.75, "half the labels flipped: " + rate);
            Classifier top1 = serving.serve("evasive-top1", ModelLoader.loadClassifier(target, InputSpec.fashionMnist()),
                    io.modelprint.lab.evasive.Defense.parse(java.util.List.of("top1")));
            assertFalse(top1 instanceof io.modelprint.model.Scored, "a top-1 API gives labels only");
            assertEquals(1.0, new io.modelprint.verify.Verifier((Double) null).verify(fp, top1).matchingRate());
            flipping.close();
            top1.close();
        }
    }
}
