package io.modelprint.lab.zoo;

import io.modelprint.ProgressListener;
import java.io.PrintStream;

/** Progress of one model in a worker process, as a log line at most every few seconds (workers share one stderr). */
final class ThrottledProgress implements ProgressListener {
    private static final long INTERVAL_NANOS = 20_000_000_000L;

    private final String model;
    private final PrintStream log;
    private long last = System.nanoTime();

    ThrottledProgress(String model, PrintStream log) {
        this.model = model;
        this.log = log;
    }

    @Override
    public void update(long done, long total, String message) {
        long now = System.nanoTime();
        if (now - last >= INTERVAL_NANOS && total > 0) {
            last = now;
            log.printf("  %s: %s %d%%%n", model, message == null ? "" : message, Math.round(100.0 * done / total));
        }
    }
}
