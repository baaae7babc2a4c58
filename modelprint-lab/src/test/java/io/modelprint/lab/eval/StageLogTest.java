package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StageLogTest {
    @TempDir
    Path dir;

    @Test
    void aResumedBenchAddsARunAfterTheOnesBefore() throws IOException {
        StageLog first = StageLog.start(dir, Instant.parse("2026-01-01T00:00:00.123456Z"), System.err);
        first.record("zoo", 12.5);
        StageLog second = StageLog.start(dir, Instant.parse("2026-01-02T00:00:00Z"), System.err);
        second.record("zoo", 1.0);
        second.record("evaluation", 30.0);

        List<StageLog.Run> runs = StageLog.read(dir);
        assertEquals(2, runs.size());
        assertEquals("2026-01-01T00:00:00Z", runs.get(0).started(), "to the second");
        assertEquals(Map.of("zoo", 12.5), runs.get(0).stages());
        assertEquals(List.of("zoo", "evaluation"), List.copyOf(runs.get(1).stages().keySet()), "stages in the order they ran");
        assertEquals(30.0, runs.get(1).stages().get("evaluation"));
    }

    @Test
    void anUnreadableLogIsKeptAsideAndSaidSo() throws IOException {
        Files.writeString(dir.resolve(StageLog.FILE_NAME), "{\"runs\": [ {\"started\"");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StageLog log = StageLog.start(dir, Instant.parse("2026-01-03T00:00:00Z"), new PrintStream(err, true, StandardCharsets.UTF_8));
        log.record("zoo", 2.0);

        assertEquals("{\"runs\": [ {\"started\"", Files.readString(dir.resolve(StageLog.FILE_NAME + ".damaged")));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(StageLog.FILE_NAME), err.toString(StandardCharsets.UTF_8));
        assertEquals(1, StageLog.read(dir).size());
    }
}
