package io.modelprint.cli;

import io.modelprint.InputException;
import picocli.CommandLine.Option;

/** {@code --workers N}: how many models a zoo or fleet build trains at once, each in a process of its own. */
final class WorkersOption {
    @Option(names = "--workers", paramLabel = "N",
            description = "models built at once, each in a worker process with one engine thread (default 1: one model at a"
                    + " time on every core); the same recipes and seeds either way (docs/zoo.md)")
    Integer workers;

    int count() {
        int chosen = workers == null ? 1 : workers;
        if (chosen < 1 || chosen > 64) {
            throw new InputException("--workers: expected a number of worker processes from 1 to 64, got " + chosen);
        }
        return chosen;
    }
}
