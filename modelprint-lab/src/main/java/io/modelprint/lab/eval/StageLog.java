package io.modelprint.lab.eval;

import io.modelprint.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wall-clock seconds of each stage of every bench run over one report directory, in
 * {@code stage-times.json}. A bench that was stopped and resumed is several runs, each doing what
 * was left: the report sums them. A stage is recorded when it ends, so a run killed inside a
 * stage leaves that stage out (its finished work is in the caches, with its own seconds).
 */
public final class StageLog {
    public static final String FILE_NAME = "stage-times.json";

    /** One bench run: when it started and the seconds of each stage it finished, in order. */
    public record Run(String started, Map<String, Double> stages) {}

    record Document(List<Run> runs) {}

    private final Path file;
    private final List<Run> runs;
    private final Run current;

    private StageLog(Path file, List<Run> runs, Run current) {
        this.file = file;
        this.runs = runs;
        this.current = current;
    }

    /** A new run appended to the runs already logged in {@code outDir}; an unreadable log is kept aside as .damaged. */
    public static StageLog start(Path outDir, Instant started, PrintStream log) {
        Path file = outDir.resolve(FILE_NAME);
        List<Run> runs = new ArrayList<>();
        try {
            runs.addAll(read(outDir));
        } catch (IOException e) {
            Path aside = file.resolveSibling(FILE_NAME + ".damaged");
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                throw new IllegalStateException(file + ": unreadable and cannot be moved aside: " + moveFailed.getMessage(), e);
            }
            log.printf("bench: %s was unreadable (%s); kept as %s, earlier runs' stage times are not in the report%n", file,
                    e.getMessage(), aside.getFileName());
        }
        Run current = new Run(started.truncatedTo(ChronoUnit.SECONDS).toString(), new LinkedHashMap<>());
        runs.add(current);
        return new StageLog(file, runs, current);
    }

    /** Records that {@code stage} of this run took {@code seconds}, and writes the log. */
    public void record(String stage, double seconds) {
        current.stages().put(stage, seconds);
        try {
            AtomicFiles.writeString(file, Evaluation.JSON.writeValueAsString(new Document(runs)));
        } catch (IOException e) {
            throw new IllegalStateException(file + ": cannot write the bench's stage times: " + e.getMessage(), e);
        }
    }

    /** This run's stages so far, in order. */
    public Map<String, Double> stages() {
        return Collections.unmodifiableMap(current.stages());
    }

    /** The runs logged in {@code outDir}, oldest first (none when there is no log). */
    public static List<Run> read(Path outDir) throws IOException {
        Path file = outDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Document document = Evaluation.JSON.readValue(file.toFile(), Document.class);
        if (document.runs() == null) {
            throw new IOException("no \"runs\" list");
        }
        return document.runs();
    }
}
