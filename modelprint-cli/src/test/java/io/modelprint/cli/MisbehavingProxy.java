package io.modelprint.cli;

import com.sun.net.httpserver.HttpExchange;
import io.modelprint.testing.Flakiness;
import io.modelprint.testing.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits in front of a real {@code serve} and misbehaves on infer requests as its {@link Flakiness}
 * says. Counts what it forwarded so tests can check that no query was lost or repeated beyond the retries.
 */
final class MisbehavingProxy implements AutoCloseable {
    final AtomicInteger inferRequests = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();

    private final LoopbackServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String upstream;
    private final Flakiness flakiness;

    MisbehavingProxy(int upstreamPort, Flakiness flakiness) throws IOException {
        this.upstream = "http://127.0.0.1:" + upstreamPort;
        this.flakiness = flakiness;
        server = new LoopbackServer(this::handle);
    }

    String url(String model) {
        return server.modelUrl(model);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean infer = exchange.getRequestURI().getPath().endsWith("/infer");
            if (infer) {
                if (flakiness.interfere(exchange, inferRequests.incrementAndGet())) {
                    return;
                }
                forwarded.incrementAndGet();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()));
            request = exchange.getRequestMethod().equals("POST")
                    ? request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                    : request.GET();
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type", response.headers().firstValue("Content-Type").orElse("application/json"));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length);
            exchange.getResponseBody().write(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
