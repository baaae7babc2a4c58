package io.modelprint.engine;

import ai.djl.engine.Engine;

/**
 * Starts the PyTorch engine once, offline and with as many intra-op threads as the run may use.
 * The launcher and the build set the same properties; this is the fallback when they are missing
 * (oversubscribed threads on 2 cores were measured ~40x slower).
 */
public final class EngineSetup {
    private static volatile boolean started;

    private EngineSetup() {}

    public static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        String threads = String.valueOf(Runtime.getRuntime().availableProcessors());
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.num_threads", threads);
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        Engine.getEngine("PyTorch");
        started = true;
    }

    /** Seeds the engine's random generator (weight initialization, dropout). */
    public static void seed(long seed) {
        ensureStarted();
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
