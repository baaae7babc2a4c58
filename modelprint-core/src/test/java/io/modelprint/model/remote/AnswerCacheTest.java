package io.modelprint.model.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerCacheTest {
    @TempDir
    Path dir;

    @Test
    void labelsAndScoresAreKeptApartAndReadBackExactly() {
        AnswerCache labels = AnswerCache.open(dir, "http://h/v2/models/m", "fp");
        labels.put("a", 3);
        labels.save();
        AnswerCache scores = AnswerCache.open(dir, "http://h/v2/models/m", "fp", AnswerCache.Kind.SCORES);
        float[] row = {0.1f, -2.5e-7f, 3.4028235e38f};
        scores.put("a", row);
        scores.save();
        assertEquals(3L, AnswerCache.open(dir, "http://h/v2/models/m", "fp").get("a"));
        assertArrayEquals(row, (float[]) AnswerCache.open(dir, "http://h/v2/models/m", "fp", AnswerCache.Kind.SCORES).get("a"));
    }

    @Test
    void aCacheEditedByHandIsRefused() throws IOException {
        AnswerCache labels = AnswerCache.open(dir, "http://h/v2/models/m", "fp");
        labels.put("a", 3);
        labels.put("b", 4);
        labels.save();
        try (var files = Files.list(dir)) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, Files.readString(file).replace("\"a\":3", "\"a\":7"));
        }
        InputException e = assertThrows(InputException.class, () -> AnswerCache.open(dir, "http://h/v2/models/m", "fp"));
        assertTrue(e.getMessage().contains("changed") && e.getMessage().contains("--no-cache"), e.getMessage());
    }
}
