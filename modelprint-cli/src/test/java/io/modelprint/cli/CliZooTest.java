package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliZooTest {
    @TempDir
    Path dir;

    @Test
    void badZooArgumentsAreRefusedClearly() throws IOException {
        CliRunner.Result preset = CliRunner.run("zoo", "build", "--preset", "huge", "--out", dir.resolve("z").toString());
        assertEquals(ExitCode.BAD_INPUT, preset.exitCode());
        assertTrue(preset.err().contains("unknown preset 'huge'"), preset.err());

        CliRunner.Result target = CliRunner.run("zoo", "build", "--preset", "quick", "--target", dir.resolve("none").toString(),
                "--out", dir.resolve("z").toString());
        assertEquals(ExitCode.BAD_INPUT, target.exitCode());
        assertTrue(target.err().contains("none"), target.err());

        CliRunner.Result list = CliRunner.run("zoo", "list", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, list.exitCode());
        assertTrue(list.err().contains("manifest.json"), list.err());

        Files.writeString(dir.resolve("manifest.json"), "[]");
        CliRunner.Result broken = CliRunner.run("zoo", "list", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, broken.exitCode());
        assertTrue(broken.err().contains("not a valid zoo manifest"), broken.err());
    }
}
