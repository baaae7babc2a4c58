package io.modelprint.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A JDK HTTP server on a free port of 127.0.0.1, for tests whose server must answer as they
 * say (misbehaving on purpose included). Closing it stops it and interrupts its handlers.
 */
public final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();

    /** Starts serving every path with {@code handler}. */
    public LoopbackServer(HttpHandler handler) throws IOException {
        this("/", handler);
    }

    /** Starts serving the paths under {@code path} with {@code handler} (the others are 404). */
    public LoopbackServer(String path, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext(path, handler);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address of an Open Inference Protocol model of this name here. */
    public String modelUrl(String model) {
        return "http://127.0.0.1:" + port() + "/v2/models/" + model;
    }

    /** Answers {@code text} with {@code status} as {@code type}. */
    public static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
