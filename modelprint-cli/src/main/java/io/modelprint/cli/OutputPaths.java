package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.io.ReadOnly;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before any long work, that an output can be written where it was asked for. */
final class OutputPaths {
    private OutputPaths() {}

    static void requireWritable(Path out, String flag) {
        if (out.toString().isBlank()) {
            throw new InputException(flag + ": empty path");
        }
        Path absolute = out.toAbsolutePath();
        if (Files.isDirectory(absolute) && !out.toString().endsWith(".npz") && Files.exists(absolute.resolve("provenance.json"))) {
            return; // a model directory being replaced: ModelStore checks it
        }
        if (ReadOnly.is(absolute)) {
            throw new InputException(flag + " " + out + ": permission denied (the file is read-only)");
        }
        Path dir = absolute.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InputException(flag + " " + out + ": " + dir + " is not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(flag + " " + out + ": permission denied (cannot create files in " + dir + ")");
        }
    }
}
