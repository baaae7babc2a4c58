package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models made outside the project that are not 28x28 grey (the committed fixtures of scripts/make_torchscript_fixtures.py:
 * a 3x32x32 and a 3x224x224 network as TorchScript and ONNX): extract without a data set when no scheme needs one, a
 * refusal that speaks of the target and says how to give colour data when one does, and info on .pt and .onnx files.
 */
class CliColourModelTest {
    private static final Path FIXTURES = Path.of("../modelprint-engine/src/test/resources/fixtures");

    @TempDir
    Path dir;

    @Test
    void aColourTargetIsFingerprintedFromRandomSeedsWithoutADataSet() throws Exception {
        Path fp = dir.resolve("r224.npz");
        CliRunner.Result extracted = CliRunner.run("extract", "--model", FIXTURES.resolve("rgb224.pt").toString(), "--input-shape",
                "3,224,224", "--init", "random", "--n", "4", "--k", "0.1", "--lr", "0.05", "--out", fp.toString(), "--format", "json");
        assertEquals(0, extracted.exitCode(), extracted.err());
        assertEquals(4, extracted.json().get("queries").asInt());
        JsonNode spec = CliRunner.run("info", fp.toString(), "--format", "json").json().get("members").get(0).get("inputSpec");
        assertEquals(3, spec.get("channels").asInt());
        assertEquals(224, spec.get("height").asInt());
        CliRunner.Result verified = CliRunner.run("verify", "--fingerprint", fp.toString(), "--input-shape", "3,224,224", "--format",
                "json", FIXTURES.resolve("rgb224.onnx").toString());
        assertEquals(0, verified.exitCode(), verified.err());
        assertEquals(1.0, verified.json().get("results").get(0).get("matchingRate").asDouble(), "the ONNX export of the target");
    }

    @Test
    void aSchemeThatNeedsDataSaysHowToGiveColourImagesAndSpeaksOfTheTarget() {
        Path out = dir.resolve("akh.npz");
        CliRunner.Result refused = CliRunner.run("extract", "--model", FIXTURES.resolve("rgb32.pt").toString(), "--input-shape",
                "3,32,32", "--method", "akh", "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, refused.exitCode(), refused.err());
        String error = refused.err();
        assertTrue(error.contains("rgb32.pt") && error.contains("the target's input (3x32x32") && error.contains("channel counts differ"),
                error);
        assertTrue(error.contains("--dataset folder --data DIR") && error.contains("--resize"), error);
        assertFalse(error.contains("suspect") || error.contains("fingerprint's queries"), error);
        assertFalse(error.contains("--init random"), "akh cannot start from random seeds: " + error);
        assertFalse(Files.exists(out));
        CliRunner.Result boundary = CliRunner.run("extract", "--model", FIXTURES.resolve("rgb32.pt").toString(), "--input-shape",
                "3,32,32", "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, boundary.exitCode(), boundary.err());
        assertTrue(boundary.err().contains("--init random"), "a boundary scheme can do without data: " + boundary.err());
    }

    @Test
    void infoDescribesTorchScriptAndOnnxModelsOfAnyInput() throws Exception {
        CliRunner.Result onnx = CliRunner.run("info", "--input-shape", "3,32,32", FIXTURES.resolve("rgb32.onnx").toString());
        assertEquals(0, onnx.exitCode(), onnx.err());
        assertTrue(onnx.out().contains("ONNX") && onnx.out().contains("3x32x32") && onnx.out().contains("10 classes")
                && onnx.out().contains("a suspect, not a target"), onnx.out());
        JsonNode pt = CliRunner.run("info", "--input-shape", "3,224,224", "--format", "json", FIXTURES.resolve("rgb224.pt").toString())
                .json();
        assertEquals(224, pt.get("inputSpec").get("width").asInt());
        assertEquals(10, pt.get("classes").asInt());
        assertEquals(io.modelprint.io.Sha256.ofFile(FIXTURES.resolve("rgb224.pt")), pt.get("weightsSha256").asText());

        CliRunner.Result undescribed = CliRunner.run("info", FIXTURES.resolve("rgb32.onnx").toString());
        assertEquals(ExitCode.BAD_INPUT, undescribed.exitCode());
        assertTrue(undescribed.err().contains("[-1, 3, 32, 32]") && undescribed.err().contains("--input-shape"), undescribed.err());
        CliRunner.Result grey = CliRunner.run("info", FIXTURES.resolve("tiny-cnn.onnx").toString());
        assertEquals(0, grey.exitCode(), grey.err());
        assertTrue(grey.out().contains("1x28x28"), grey.out());
    }
}
