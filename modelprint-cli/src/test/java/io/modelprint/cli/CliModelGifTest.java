package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** modelgif through the CLI: extract, calibrate and verify white-box suspects; a suspect without gradients is refused by name. */
class CliModelGifTest {
    @TempDir
    static Path dir;

    static TinyCliModels models;

    @BeforeAll
    static void trainModels() throws IOException {
        models = TinyCliModels.train(dir);
    }

    private static CliRunner.Result extract(Path model, Path out, String... params) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("extract", "--model", model.toString(), "--method",
                "modelgif", "--n", "12", "--data", models.data().toString(), "--out", out.toString(), "--format", "json"));
        for (String param : params) {
            args.add("--param");
            args.add(param);
        }
        return CliRunner.run(args.toArray(new String[0]));
    }

    @Test
    void theTargetIsItselfAndCalibrationGivesIndependentModelsNoEvidence() throws IOException {
        Path fp = dir.resolve("modelgif.npz");
        CliRunner.Result made = extract(models.target(), fp, "steps=5");
        assertEquals(0, made.exitCode(), made.err());
        assertEquals("gradients", made.json().get("access").asText(), made.out());
        assertEquals(5, made.json().get("params").get("steps").asInt(), made.out());
        assertEquals("mean", made.json().get("params").get("reference").asText(), "the default reference is recorded");
        CliRunner.Result uncalibrated = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", models.target().toString(),
                models.independent().toString(), models.independent2().toString());
        assertEquals(0, uncalibrated.exitCode(), uncalibrated.err());
        JsonNode results = uncalibrated.json().get("results");
        double self = results.get(0).get("similarity").asDouble();
        double other = Math.max(results.get(1).get("similarity").asDouble(), results.get(2).get("similarity").asDouble());
        assertEquals(1.0, self, 1e-6, uncalibrated.out());
        assertEquals("derived", results.get(0).get("verdict").asText());
        assertTrue(other < self - 0.2, uncalibrated.out());

        assertEquals(0, CliRunner.run("calibrate", "--fingerprint", fp.toString(), "--negatives", models.independent().toString(),
                models.independent2().toString()).exitCode());
        CliRunner.Result calibrated = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", models.target().toString(),
                models.independent().toString());
        assertEquals(0, calibrated.exitCode(), calibrated.err());
        JsonNode rows = calibrated.json().get("results");
        assertTrue(rows.get(0).get("pValue").asDouble() < rows.get(1).get("pValue").asDouble(), calibrated.out());
        CliRunner.Result info = CliRunner.run("info", fp.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("modelgif") && info.out().contains("gradients"), info.out());
    }

    @Test
    void anOnnxSuspectGivesNoGradientsAndIsRefusedNamingTheSchemesThatWork() {
        Path pt = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt");
        Path onnx = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.onnx");
        Path fp = dir.resolve("pt-modelgif.npz");
        CliRunner.Result made = extract(pt, fp);
        assertEquals(0, made.exitCode(), made.err());
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", pt.toString(), onnx.toString());
        assertEquals(1, r.exitCode(), "one suspect could not be checked: " + r.out());
        JsonNode results = r.json().get("results");
        assertEquals(1.0, results.get(0).get("similarity").asDouble(), 1e-6, "the TorchScript target itself");
        String error = results.get(1).get("error").asText();
        assertTrue(error.contains("offers scores only, but scheme modelgif compares gradients") && error.contains("modeldiff"), error);
    }

    @Test
    void badParametersAreRefusedBeforeAnyWork() {
        CliRunner.Result steps = extract(models.target(), dir.resolve("bad.npz"), "steps=0");
        assertEquals(2, steps.exitCode(), steps.out());
        assertTrue(steps.err().contains("steps") && steps.err().contains("got '0'"), steps.err());
        CliRunner.Result reference = extract(models.target(), dir.resolve("bad.npz"), "reference=grey");
        assertEquals(2, reference.exitCode(), reference.out());
        assertTrue(reference.err().contains("reference") && reference.err().contains("grey"), reference.err());
        assertTrue(Files.notExists(dir.resolve("bad.npz")), "nothing written");
    }
}
