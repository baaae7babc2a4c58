package io.modelprint.cli;

import java.util.concurrent.CountDownLatch;

/** Holds a serving command until {@link #stop()} or until the JVM is asked to exit (Ctrl-C, SIGTERM). */
final class StopSignal {
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    void await() throws InterruptedException {
        Thread hook = new Thread(this::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        stopRequested.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself asked us to stop
        }
    }

    void stop() {
        stopRequested.countDown();
    }
}
