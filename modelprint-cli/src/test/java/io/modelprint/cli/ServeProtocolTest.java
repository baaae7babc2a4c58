package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code serve}'s side of the Open Inference Protocol, spoken by hand over real HTTP: requests as the protocol writes
 * them, refusals as JSON with a 4xx, slow and concurrent clients, an ONNX model's scores. The served model is the
 * committed TorchScript fixture (no training needed); CliServeTest checks verdicts through the same server code.
 */
class ServeProtocolTest {
    private static final int MAX_BATCH = 64;
    static final HttpClient http = HttpClient.newHttpClient();
    static Classifier model;
    static InferenceServer server;
    static String url;

    @BeforeAll
    static void serveTheFixture() {
        model = ModelLoader.loadClassifier(Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt"), InputSpec.fashionMnist());
        server = new InferenceServer(new ServedModel("target", model, false, 2), MAX_BATCH,
                ServeCommand.maxBodyBytes(model.inputSpec(), MAX_BATCH)).start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + server.port() + "/v2/models/target";
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
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
        try {
            HttpResponse<String> huge = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/v2/models/target/infer")).POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100 << 20])).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertRefused(413, "over this server's limit", huge);
        } catch (IOException cut) {
            // answered 413 and closed before the client had sent it all (a race on the socket buffers): refused too
        }
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
}
