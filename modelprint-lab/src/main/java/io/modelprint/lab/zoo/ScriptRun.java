package io.modelprint.lab.zoo;

import io.modelprint.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Runs another program to its end: its last output line is its answer; a failure is reported with its last lines. */
final class ScriptRun {
    private static final int LINES_KEPT = 15;

    private ScriptRun() {}

    static String run(List<String> command, java.util.Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        // a build stopped (TERM) while the program runs stops it too
        Thread stop = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stop);
        Deque<String> last = new ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last.addLast(line);
                if (last.size() > LINES_KEPT) {
                    last.removeFirst();
                }
            }
            int status = process.waitFor();
            if (status != 0 || last.isEmpty()) {
                throw new InputException(String.join(" ", command.subList(0, 2)) + " failed (exit " + status + "):\n  "
                        + String.join("\n  ", last));
            }
            return last.getLast();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(command.get(1) + ": interrupted");
        } finally {
            process.destroyForcibly();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }
}
