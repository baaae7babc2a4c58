package io.modelprint.model.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Open Inference Protocol server for client tests, built on the JDK's HTTP server so that
 * it can misbehave on purpose. Its "model" labels an image by the index of its largest value among
 * the first {@code classes} pixels.
 */
final class FakeOipServer implements AutoCloseable {
    enum Mode { NORMAL, FAIL_EVERY_OTHER, SLOW_FIRST, HTML, TWO_OUTPUTS, LABEL_OUT_OF_RANGE, SCORES_ONLY }

    final AtomicInteger inferRequests = new AtomicInteger();
    final AtomicInteger imagesReceived = new AtomicInteger();
    final AtomicInteger imagesAnswered = new AtomicInteger();
    volatile String metadataJson;

    private final HttpServer server;
    private final Mode mode;
    private final int classes;

    FakeOipServer(Mode mode, int classes, int channels, int size) throws IOException {
        this.mode = mode;
        this.classes = classes;
        this.metadataJson = "{\"name\":\"fake\",\"platform\":\"test\",\"inputs\":[{\"name\":\"pixels\",\"datatype\":\"FP32\","
                + "\"shape\":[-1," + channels + "," + size + "," + size + "]}],\"outputs\":[{\"name\":\"label\","
                + "\"datatype\":\"INT64\",\"shape\":[-1]},{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[-1,"
                + classes + "]}]}";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v2/models/fake", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/models/fake";
    }

    /** What the fake model answers for one image. */
    static long label(float[] values, int offset, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (values[offset + c] > values[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("GET")) {
                if (metadataJson == null) {
                    send(exchange, 404, "application/json", "{\"error\":\"no metadata here\"}");
                } else {
                    send(exchange, 200, "application/json", metadataJson);
                }
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            int count = inferRequests.incrementAndGet();
            InferRequest request = InferenceProtocol.readInferRequest(body);
            OutputTensor input = request.inputs().get(0);
            int n = (int) input.shape()[0];
            imagesReceived.addAndGet(n);
            if (mode == Mode.FAIL_EVERY_OTHER && count % 2 == 1) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                send(exchange, 503, "application/json", "{\"error\":\"overloaded, try again\"}");
                return;
            }
            if (mode == Mode.SLOW_FIRST && count == 1) {
                sleep(1500);
            }
            if (mode == Mode.HTML) {
                send(exchange, 200, "text/html", "<html><body>Welcome to nginx!</body></html>");
                return;
            }
            int size = input.floats().length / n;
            long[] labels = new long[n];
            float[] scores = new float[n * classes];
            for (int i = 0; i < n; i++) {
                labels[i] = mode == Mode.LABEL_OUT_OF_RANGE ? classes + 2 : label(input.floats(), i * size, classes);
                System.arraycopy(input.floats(), i * size, scores, i * classes, classes);
            }
            OutputTensor labelOut = new OutputTensor("label", "INT64", new long[] {n}, labels, null);
            OutputTensor scoreOut = new OutputTensor("probabilities", "FP32", new long[] {n, classes}, null, scores);
            List<OutputTensor> outputs = switch (mode) {
                case TWO_OUTPUTS -> List.of(labelOut, scoreOut);
                case SCORES_ONLY -> List.of(scoreOut);
                default -> request.requestedOutputs().contains("probabilities") ? List.of(scoreOut) : List.of(labelOut);
            };
            imagesAnswered.addAndGet(n);
            byte[] answer = InferenceProtocol.inferResponse("fake", request.id(), outputs);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
