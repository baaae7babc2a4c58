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

/**
 * deepjudge-wb through the CLI: extract from a model directory, verify model files of the target's
 * architecture, bundle it, register and scan it; a model of another architecture, an ONNX suspect and a
 * TorchScript target are refused with the reason.
 */
class CliDeepJudgeWhiteBoxTest {
    @TempDir
    static Path dir;

    static TinyCliModels models;
    static Path fingerprint;

    @BeforeAll
    static void trainAndExtract() throws IOException {
        models = TinyCliModels.train(dir);
        fingerprint = dir.resolve("deepjudge-wb.npz");
        CliRunner.Result made = extract(models.target(), "deepjudge-wb", fingerprint);
        assertEquals(0, made.exitCode(), made.err());
        assertEquals("layers", made.json().get("access").asText(), made.out());
        assertEquals(1, made.json().get("params").get("layer").asInt(), "the default layer is recorded");
    }

    private static CliRunner.Result extract(Path model, String method, Path out, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("extract", "--model", model.toString(), "--method",
                method, "--n", "12", "--param", "maxIter=50", "--data", models.data().toString(), "--out", out.toString(), "--format",
                "json"));
        args.addAll(java.util.List.of(more));
        return CliRunner.run(args.toArray(new String[0]));
    }

    @Test
    void theTargetIsItselfAnIndependentMlpIsLowerAndALeNetIsRefusedByTheLayerItDiffersAt() {
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json",
                models.target().toString(), models.independent2().toString(), models.independent().toString());
        assertEquals(1, r.exitCode(), "the LeNet-5 could not be compared: " + r.out());
        JsonNode results = r.json().get("results");
        assertEquals(1.0, results.get(0).get("similarity").asDouble(), 1e-6, r.out());
        assertEquals("derived", results.get(0).get("verdict").asText());
        assertTrue(results.get(1).get("similarity").asDouble() < 0.9, "an MLP of another seed: " + r.out());
        String error = results.get(2).get("error").asText();
        assertTrue(error.contains("deepjudge-wb compares models of one architecture") && error.contains("at layer 1"), error);
        CliRunner.Result info = CliRunner.run("info", fingerprint.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("deepjudge-wb") && info.out().contains("layers"), info.out());
    }

    @Test
    void aBundleWithTheBlackBoxMetricsIsRegisteredAndScanned() {
        Path bundle = dir.resolve("deepjudge-both.npz");
        Path key = dir.resolve("key");
        assertEquals(0, CliRunner.run("keys", "new", "--out", key.toString()).exitCode());
        CliRunner.Result made = extract(models.target(), "deepjudge,deepjudge-wb", bundle, "--sign", key.toString());
        assertEquals(0, made.exitCode(), made.out() + made.err());
        String db = dir.resolve("registry.db").toString();
        CliRunner.Result added = CliRunner.run("registry", "add", bundle.toString(), "--owner", "alice", "--db", db);
        assertEquals(0, added.exitCode(), added.out() + added.err());
        CliRunner.Result scan = CliRunner.run("scan", "--db", db, "--format", "json", models.target().toString());
        assertEquals(0, scan.exitCode(), scan.out() + scan.err());
        JsonNode members = scan.json().get("results").get(0).get("matches").get(0).get("members");
        assertEquals(2, members.size(), scan.out());
        for (JsonNode member : members) {
            assertEquals(1.0, member.get("similarity").asDouble(), 1e-6, scan.out());
        }
    }

    @Test
    void anOnnxSuspectAndATorchScriptTargetGiveNoHiddenLayersAndAreRefusedNamingWhy() {
        Path onnx = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.onnx");
        Path pt = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt");
        CliRunner.Result target = extract(pt, "deepjudge-wb", dir.resolve("pt.npz"));
        assertEquals(2, target.exitCode(), target.out());
        assertTrue(target.err().contains("offers gradients only, but deepjudge-wb compares the outputs of its hidden layers")
                && target.err().contains("modelgif"), target.err());
        assertTrue(Files.notExists(dir.resolve("pt.npz")), "nothing written");
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json", onnx.toString());
        assertEquals(1, r.exitCode(), r.out());
        String error = r.json().get("results").get(0).get("error").asText();
        assertTrue(error.contains("compares layers") && error.contains("TorchScript and ONNX files"), error);
    }
}
