package io.modelprint.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits in front of a real {@code serve} and misbehaves on infer requests: fails every other one with
 * 503, or answers the first one late. Counts what it forwarded so tests can check that no query was
 * lost or repeated beyond the retries.
 */
final class MisbehavingProxy implements AutoCloseable {
    enum Mode { FAIL_EVERY_OTHER, SLOW_FIRST }

    final AtomicInteger inferRequests = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String upstream;
    private final Mode mode;

    MisbehavingProxy(int upstreamPort, Mode mode) throws IOException {
        this.upstream = "http://127.0.0.1:" + upstreamPort;
        this.mode = mode;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String model) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/models/" + model;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean infer = exchange.getRequestURI().getPath().endsWith("/infer");
            if (infer) {
                int n = inferRequests.incrementAndGet();
                if (mode == Mode.FAIL_EVERY_OTHER && n % 2 == 1) {
                    byte[] error = "{\"error\":\"overloaded\"}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Retry-After", "0");
                    exchange.sendResponseHeaders(503, error.length);
                    exchange.getResponseBody().write(error);
                    return;
                }
                if (mode == Mode.SLOW_FIRST && n == 1) {
                    Thread.sleep(1500);
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
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
