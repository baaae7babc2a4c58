package io.modelprint.model.remote;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.testing.LoopbackServer;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Servers that answer forever or one byte at a time: the client gives up within its limits. */
class HostileServerTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 4, 4);

    interface Answer {
        void send(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private static LoopbackServer serve(Answer answer) throws IOException {
        return new LoopbackServer(exchange -> {
            try {
                if (!exchange.getRequestURI().getPath().endsWith("/infer")) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.getRequestBody().readAllBytes();
                    answer.send(exchange);
                }
            } catch (IOException | InterruptedException e) {
                // the client hung up, as it should
            } finally {
                exchange.close();
            }
        });
    }

    private static String ask(LoopbackServer server, double readTimeoutSeconds) {
        RemoteOptions options = new RemoteOptions(Duration.ofSeconds(2), Duration.ofMillis((long) (readTimeoutSeconds * 1000)),
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(20)), 4, 0);
        RemoteClassifier model = RemoteClassifier.connect(server.modelUrl("m"), SPEC, 10, options, null);
        float[] images = new float[2 * SPEC.pixelsPerImage()];
        return assertThrows(InputException.class, () -> model.predictLabels(images, 2)).getMessage();
    }

    @Test
    void anEndlessBodyIsCutOffAtTheAnswerLimit() throws IOException {
        LoopbackServer server = serve(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < (1L << 34); sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });
        try {
            long start = System.nanoTime();
            String message = ask(server, 30);
            assertTrue(message.contains("answer too large") && message.contains("failed after 2 attempts"), message);
            assertTrue((System.nanoTime() - start) / 1e9 < 25, "cut off long before the deadline");
        } finally {
            server.close();
        }
    }

    @Test
    void aBodyTrickledAByteASecondMeetsTheDeadlineOfTheWholeRequest() throws IOException {
        LoopbackServer server = serve(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 120; i++) {
                    out.write('{');
                    out.flush();
                    Thread.sleep(1000);
                }
            }
        });
        try {
            long start = System.nanoTime();
            String message = ask(server, 1.5);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(message.contains("no complete answer within 1.5 s"), message);
            assertTrue(seconds < 10, "two attempts of 1.5 s each, not the server's 120 s: " + seconds);
        } finally {
            server.close();
        }
    }
}
