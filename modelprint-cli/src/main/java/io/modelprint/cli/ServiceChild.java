package io.modelprint.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code modelprint registry serve} in a JVM of its own, for {@code bench service}: started on a free
 * loopback port with this JVM's classpath and engine settings, killed as {@code kill -9} kills it.
 */
final class ServiceChild implements AutoCloseable {
    private final Process process;
    final int port;

    private ServiceChild(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service with {@code args} on {@code port} (0: a free one) and waits until it answers (two minutes at most). */
    static ServiceChild start(List<String> args, Path log, int port) throws IOException, InterruptedException {
        if (port == 0) {
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dai.djl.offline=true"));
        for (String property : List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads")) {
            if (System.getProperty(property) != null) {
                command.add("-D" + property + "=" + System.getProperty(property));
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "registry", "serve",
                "--port", Integer.toString(port)));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                log.toFile())).start();
        ServiceChild child = new ServiceChild(process, port);
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("registry serve exited with " + process.exitValue() + "; see " + log + ":\n"
                        + String.join("\n", Files.readAllLines(log).stream().skip(Math.max(0, Files.readAllLines(log).size() - 20)).toList()));
            }
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/health")).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return child;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        child.close();
        throw new IllegalStateException("registry serve did not answer within two minutes; see " + log);
    }

    /** Peak resident memory so far (VmHWM), in MB, or -1 where /proc does not say. */
    double peakResidentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or gone
        }
        return -1;
    }

    /** SIGKILL, as kill -9: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }
}
