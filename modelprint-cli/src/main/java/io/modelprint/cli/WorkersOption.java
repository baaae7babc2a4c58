package io.modelprint.cli;

import io.modelprint.InputException;
import picocli.CommandLine.Option;

/** {@code --workers N}: how many models a zoo or fleet build trains at once, each in a process of its own. */
final class WorkersOption {
    /**
     * Two models at once on 2 idle cores, one thread each, took 0.91x (VGG) and 0.75x (LeNet-5) the time of the two one
     * after the other on both threads, and far less on a busy machine, where threads oversubscribe (docs/zoo.md).
     */
    static final int DEFAULT = Math.min(4, Runtime.getRuntime().availableProcessors());

    @Option(names = "--workers", paramLabel = "N",
            description = "models built at once, each in a worker process with one engine thread (default: the cores, at most"
                    + " 4; 1 builds one model at a time on every core); the same recipes and seeds either way (docs/zoo.md)")
    Integer workers;

    int count() {
        int chosen = workers == null ? DEFAULT : workers;
        if (chosen < 1 || chosen > 64) {
            throw new InputException("--workers: expected a number of worker processes from 1 to 64, got " + chosen);
        }
        return chosen;
    }
}
