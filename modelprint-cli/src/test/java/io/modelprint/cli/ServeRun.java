package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.service.Http;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code modelprint registry serve ARGS} running in this JVM on a free port, stopped by {@link #close}. */
final class ServeRun implements AutoCloseable {
    final RegistryServeCommand command = new RegistryServeCommand();
    final Http http;
    private final Thread thread;
    private volatile int exitCode = -1;

    ServeRun(String... args) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--port", "0"));
        CommandLine cli = new CommandLine(command);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            e.printStackTrace();
            return ExitCode.INTERNAL_ERROR;
        });
        thread = new Thread(() -> exitCode = cli.execute(all.toArray(String[]::new)), "registry-serve-under-test");
        thread.start();
        for (int waited = 0; command.boundPort() < 0 && exitCode < 0 && waited < 1200; waited++) {
            Thread.sleep(50);
        }
        assertTrue(command.boundPort() > 0, "registry serve did not start (exit code " + exitCode + ")");
        http = new Http(command.boundPort());
    }

    @Override
    public void close() throws InterruptedException {
        command.stop();
        thread.join(30_000);
    }
}
