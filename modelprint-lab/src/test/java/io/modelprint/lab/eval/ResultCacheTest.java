package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cached result is used only for the same run on the same zoo, and only while its file is whole. */
class ResultCacheTest {
    private static final SchemeRun RUN = new SchemeRun("sac-w", 20, Map.of());
    private static final SchemeResult RESULT = SchemeResult.failed(RUN, "too few mistakes");

    @TempDir
    Path dir;

    @Test
    void readsBackWhatItWroteForTheSameRunAndZooOnly() throws IOException {
        Path file = dir.resolve("cache").resolve(RUN.fileName() + ".json");
        assertNull(ResultCache.read(file, "zoo-1", RUN, SchemeRun.class, SchemeResult.class), "nothing cached yet");
        ResultCache.write(file, "zoo-1", RUN, RESULT);
        assertEquals(RESULT, ResultCache.read(file, "zoo-1", RUN, SchemeRun.class, SchemeResult.class));
        assertNull(ResultCache.read(file, "zoo-2", RUN, SchemeRun.class, SchemeResult.class), "another zoo");
        assertNull(ResultCache.read(file, "zoo-1", new SchemeRun("sac-w", 50, Map.of()), SchemeRun.class, SchemeResult.class),
                "another run under the same file name");

        String whole = Files.readString(file);
        assertTrue(whole.contains(RUN.parameterValues()) && RUN.parameterValues().contains("n=20")
                && RUN.parameterValues().contains("augment=true"), "the cache records every value, the defaults too: " + whole);
        Files.writeString(file, whole.replace(RUN.parameterValues(), RUN.parameterValues().replace("n=20", "n=21")));
        assertNull(ResultCache.read(file, "zoo-1", RUN, SchemeRun.class, SchemeResult.class),
                "a result made when a default had another value is computed again");
        Files.writeString(file, whole.replaceAll("\"parameters\" : \"[^\"]*\",", ""));
        assertNull(ResultCache.read(file, "zoo-1", RUN, SchemeRun.class, SchemeResult.class),
                "a result of an earlier build, which recorded no parameter values, is computed again");
        Files.writeString(file, whole.substring(0, whole.length() / 2));
        assertNull(ResultCache.read(file, "zoo-1", RUN, SchemeRun.class, SchemeResult.class), "a truncated file is computed again");
        Files.writeString(file, whole.replace("\"result\"", "\"outcome\""));
        assertNull(ResultCache.read(file, "zoo-1", RUN, SchemeRun.class, SchemeResult.class), "a file without a result");
        Files.write(file, new byte[] {0, (byte) 0xff, 42});
        assertNull(ResultCache.read(file, "zoo-1", RUN, SchemeRun.class, SchemeResult.class), "garbage");
    }

    @Test
    void aSweepPointIsItsOwnKey() {
        SweepPoint point = EvaluationPreset.of("quick").points().get(5);
        MethodResult result = new MethodResult(point.scheme(), point.combo(), point.reported(), 0.5, 0.6, 0.1, 0.2, -0.1, Double.NaN, 1.5,
                90, Map.of("ftll", 0.9));
        Path file = dir.resolve(point.fileName() + ".json");
        ResultCache.write(file, "zoo", point, result);
        assertEquals(result, ResultCache.read(file, "zoo", point, SweepPoint.class, MethodResult.class));
        SweepPoint longer = new SweepPoint(point.scheme(), point.combo(), point.parameter(), point.shown(), point.value(),
                Map.of("maxIter", 1000), point.n());
        assertNull(ResultCache.read(file, "zoo", longer, SweepPoint.class, MethodResult.class), "other fixed parameters");
    }
}
