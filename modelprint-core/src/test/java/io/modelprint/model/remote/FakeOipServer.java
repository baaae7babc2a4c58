package io.modelprint.model.remote;

import com.sun.net.httpserver.HttpExchange;
import io.modelprint.testing.Flakiness;
import io.modelprint.testing.LoopbackServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small Open Inference Protocol server for client tests, built on the JDK's HTTP server so that
 * it can misbehave on purpose. Its "model" labels an image by the index of its largest value among
 * the first {@code classes} pixels.
 */
final class FakeOipServer implements AutoCloseable {
    enum Mode {
        NORMAL, FAIL_EVERY_OTHER(Flakiness.FAIL_EVERY_OTHER), SLOW_FIRST(Flakiness.SLOW_FIRST), HTML, TWO_OUTPUTS, LABEL_OUT_OF_RANGE,
        SCORES_ONLY;

        final Flakiness flakiness;

        Mode() {
            this(Flakiness.NONE);
        }

        Mode(Flakiness flakiness) {
            this.flakiness = flakiness;
        }
    }

    final AtomicInteger inferRequests = new AtomicInteger();
    final AtomicInteger imagesReceived = new AtomicInteger();
    final AtomicInteger imagesAnswered = new AtomicInteger();
    volatile String metadataJson;

    private final LoopbackServer server;
    private final Mode mode;
    private final int classes;

    FakeOipServer(Mode mode, int classes, int channels, int size) throws IOException {
        this.mode = mode;
        this.classes = classes;
        this.metadataJson = "{\"name\":\"fake\",\"platform\":\"test\",\"inputs\":[{\"name\":\"pixels\",\"datatype\":\"FP32\","
                + "\"shape\":[-1," + channels + "," + size + "," + size + "]}],\"outputs\":[{\"name\":\"label\","
                + "\"datatype\":\"INT64\",\"shape\":[-1]},{\"name\":\"probabilities\",\"datatype\":\"FP32\",\"shape\":[-1,"
                + classes + "]}]}";
        server = new LoopbackServer("/v2/models/fake", this::handle);
    }

    String url() {
        return server.modelUrl("fake");
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
                    LoopbackServer.send(exchange, 404, "application/json", "{\"error\":\"no metadata here\"}");
                } else {
                    LoopbackServer.send(exchange, 200, "application/json", metadataJson);
                }
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            int count = inferRequests.incrementAndGet();
            InferRequest request = InferenceProtocol.readInferRequest(body);
            OutputTensor input = request.inputs().get(0);
            int n = (int) input.shape()[0];
            imagesReceived.addAndGet(n);
            if (mode.flakiness.interfere(exchange, count)) {
                return;
            }
            if (mode == Mode.HTML) {
                LoopbackServer.send(exchange, 200, "text/html", "<html><body>Welcome to nginx!</body></html>");
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

    @Override
    public void close() {
        server.close();
    }
}
