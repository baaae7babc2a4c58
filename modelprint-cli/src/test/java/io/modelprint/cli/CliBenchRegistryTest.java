package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBenchRegistryTest {
    @TempDir
    Path dir;

    private static final Path PT = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt");

    @Test
    void aTorchScriptModelFillsARegistryWithTheFashionMnistShapeByDefault() {
        Path db = dir.resolve("bench.db");
        CliRunner.Result r = CliRunner.run("bench", "registry", "--model", PT.toString(), "--count", "2", "--n", "5",
                "--db", db.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"fingerprints\" : 2"), r.out());
    }

    @Test
    void aTorchScriptModelOfAnotherShapeIsRefusedReadably() {
        CliRunner.Result r = CliRunner.run("bench", "registry", "--model", PT.toString(), "--count", "1", "--n", "5",
                "--db", dir.resolve("other.db").toString(), "--input-shape", "3,32,32");
        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains(PT.getFileName().toString()), r.err());
        assertFalse(r.err().contains("NullPointerException") || r.err().contains("Exception"), r.err());
    }
}
