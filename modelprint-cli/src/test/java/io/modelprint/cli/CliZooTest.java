package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

        Files.writeString(dir.resolve("manifest.json"), "null");
        CliRunner.Result empty = CliRunner.run("zoo", "list", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, empty.exitCode(), "a null manifest is bad input, not a NullPointerException");
        assertTrue(empty.err().contains("null"), empty.err());
    }

    @Test
    void infoDescribesARandomForestAndVersionComesFromTheBuild() {
        io.modelprint.data.ImageDataset train = io.modelprint.testing.SyntheticData.bands(60, 2, 4, 4, 1);
        io.modelprint.engine.RandomForestClassifier forest = io.modelprint.engine.RandomForestClassifier.train(train, 3, 1);
        Path rf = dir.resolve("forest");
        forest.save(new io.modelprint.engine.ModelProvenance(1, io.modelprint.engine.RandomForestClassifier.ARCH, train.spec(), 2,
                "bands", 60, 1, 0, 0, "rf", 0, 1, 1, null, null, null, null), rf);
        CliRunner.Result info = CliRunner.run("info", rf.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("random forest") && info.out().contains("labels only"), info.out());

        CliRunner.Result version = CliRunner.run("--version");
        assertEquals("modelprint " + io.modelprint.ToolVersion.version(), version.out().trim());
        assertFalse(io.modelprint.ToolVersion.version().isBlank() || io.modelprint.ToolVersion.version().equals("unknown"),
                "the version comes from the Maven build: " + io.modelprint.ToolVersion.version());
    }
}
