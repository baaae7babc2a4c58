package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weights scheme through the CLI: extracted without data, verified, calibrated, bundled; other architectures refused. */
class CliWeightsTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path target;
    static Path[] mlps = new Path[3];
    static Path lenet;

    @BeforeAll
    static void trainModels() throws IOException {
        data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 300, 100, 28);
        target = train("mlp", 1, "target");
        for (int i = 0; i < mlps.length; i++) {
            mlps[i] = train("mlp", 10 + i, "mlp-" + i);
        }
        lenet = train("lenet5", 2, "lenet");
    }

    private static Path train(String arch, int seed, String name) {
        Path out = dir.resolve(name);
        assertEquals(0, CliRunner.run("train", "--arch", arch, "--data", data.toString(), "--epochs", "1", "--seed",
                String.valueOf(seed), "--out", out.toString()).exitCode());
        return out;
    }

    @Test
    void extractsWithoutDataAndTellsTheTargetFromIndependentModelsRefusingAnotherArchitecture() {
        Path fp = dir.resolve("weights.npz");
        // no data set is read: a --data directory that does not exist does not matter
        CliRunner.Result made = CliRunner.run("extract", "--model", target.toString(), "--method", "weights", "--data",
                dir.resolve("no-such-data").toString(), "--out", fp.toString(), "--format", "json");
        assertEquals(0, made.exitCode(), made.err());
        assertEquals(0, made.json().get("queries").asInt());
        assertEquals(3, made.json().get("layers").asInt(), "the MLP's three linear layers");
        assertEquals("weights", made.json().get("access").asText());
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", target.toString(),
                mlps[0].toString(), lenet.toString());
        assertEquals(1, r.exitCode(), "the LeNet-5 cannot be compared: " + r.out());
        JsonNode results = r.json().get("results");
        assertEquals(1.0, results.get(0).get("similarity").asDouble(), 1e-6);
        assertEquals("derived", results.get(0).get("verdict").asText());
        assertEquals("independent", results.get(1).get("verdict").asText(), r.out());
        String refused = results.get(2).get("error").asText();
        assertTrue(refused.contains("one architecture") && refused.contains("[256, 784]") && refused.contains("[6, 1, 5, 5]"), refused);
    }

    @Test
    void calibratesWithIndependentModelsAndBundlesWithAQueryScheme() {
        Path fp = dir.resolve("bundle.npz");
        CliRunner.Result made = CliRunner.run("extract", "--model", target.toString(), "--method", "ipguard,weights", "--data",
                data.toString(), "--param", "n=10", "--param", "init=random", "--param", "k=0.1", "--param", "lr=0.05", "--out", fp.toString(), "--format", "json");
        assertEquals(0, made.exitCode(), made.err());
        CliRunner.Result calibrated = CliRunner.run("calibrate", "--fingerprint", fp.toString(), "--negatives", mlps[0].toString(),
                mlps[1].toString());
        assertEquals(0, calibrated.exitCode(), calibrated.err());
        assertTrue(calibrated.out().contains("in a bundle of 2, at alpha 0.01 / 2: no suspect can be called derived at p <= 0.005"),
                "each member is decided at alpha / 2: " + calibrated.out());
        assertTrue(calibrated.err().contains("above 0.005 (alpha 0.01 / 2 schemes of the bundle)"), calibrated.err());
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", target.toString(),
                mlps[2].toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        JsonNode weights = r.json().get("results").get(0).get("members").get(1);
        assertEquals("weights", weights.get("scheme").asText());
        assertTrue(weights.has("pValue"), weights.toString());
        JsonNode independent = r.json().get("results").get(1).get("members").get(1);
        assertTrue(independent.get("similarity").asDouble() < weights.get("similarity").asDouble(), r.out());
    }

    @Test
    void refusesAQueryCountForAScheme() {
        CliRunner.Result r = CliRunner.run("extract", "--model", target.toString(), "--method", "weights", "--n", "10",
                "--out", dir.resolve("n.npz").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("parameter 'n'"), r.err());
    }
}
