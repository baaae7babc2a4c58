package io.modelprint.cli;

import io.modelprint.ProgressListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a progress bar when stderr is a terminal, otherwise a plain line at most
 * every few seconds (so logs of long runs still show that work goes on).
 */
final class Progress implements ProgressListener, AutoCloseable {
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final String task;
    private final boolean interactive;
    private ProgressBar bar;
    private long lastPlain = System.nanoTime();

    private Progress(String task, boolean interactive) {
        this.task = task;
        this.interactive = interactive;
    }

    static Progress start(String task) {
        return new Progress(task, System.console() != null && System.getenv("CI") == null);
    }

    @Override
    public void update(long done, long total, String message) {
        if (interactive) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
            }
            bar.maxHint(total);
            bar.stepTo(done);
            bar.setExtraMessage(message);
        } else if (System.nanoTime() - lastPlain > PLAIN_INTERVAL_NANOS || done == total) {
            lastPlain = System.nanoTime();
            System.err.printf("%s: %d/%d %s%n", task, done, total, message);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
