package io.modelprint.spark;

import io.modelprint.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The suspects of a Spark scan: a text file with one model path or URL per line (blank lines and
 * {@code #} comments skipped; a path may repeat), or a directory whose model directories, {@code .pt}
 * and {@code .onnx} files are taken in name order. Paths are kept as written: a missing one becomes
 * that suspect's error, not the job's.
 */
public final class SuspectList {
    private SuspectList() {}

    public static List<String> read(Path source) {
        if (Files.isDirectory(source)) {
            return fromDirectory(source);
        }
        if (!Files.isRegularFile(source)) {
            throw new InputException("--suspects " + source + ": no such file or directory");
        }
        List<String> suspects = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(source)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    suspects.add(s);
                }
            }
        } catch (IOException e) {
            throw new InputException("--suspects " + source + ": cannot read: " + e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            throw new InputException("--suspects " + source + ": not a text file of paths", e);
        }
        if (suspects.isEmpty()) {
            throw new InputException("--suspects " + source + ": lists no suspects (one model path or URL per line)");
        }
        return suspects;
    }

    private static List<String> fromDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> suspects = entries.filter(SuspectList::isModel).sorted().map(Path::toString).toList();
            if (suspects.isEmpty()) {
                throw new InputException("--suspects " + dir + ": holds no model directories, .pt or .onnx files");
            }
            return suspects;
        } catch (IOException e) {
            throw new InputException("--suspects " + dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean isModel(Path p) {
        String name = p.getFileName().toString();
        return Files.isDirectory(p) ? Files.exists(p.resolve("provenance.json")) || Files.exists(p.resolve("model.pt"))
                : name.endsWith(".pt") || name.endsWith(".onnx");
    }
}
