package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelLoader;
import io.modelprint.lab.evasive.DefendedClassifier;
import io.modelprint.lab.evasive.Defense;
import io.modelprint.model.Classifier;
import io.modelprint.serve.InferenceServer;
import io.modelprint.serve.ServedModel;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tampering schemes through the CLI: extract, verify (a file, the target re-served over HTTP, a
 * randomizing server), info, scan, and the refusals (calibrate, a bundle with a derivation scheme, --fleet).
 */
class CliSsfTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path target;
    static Path independent;
    static Path ssf;
    static Path bundle;

    @BeforeAll
    static void fingerprints() throws IOException {
        data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 300, 100, 28);
        target = train(1, "target");
        independent = train(2, "independent");
        ssf = dir.resolve("ssf.npz");
        CliRunner.Result made = CliRunner.run("extract", "--model", target.toString(), "--method", "ssf", "--n", "8", "--param",
                "steps=10", "--data", data.toString(), "--out", ssf.toString(), "--format", "json");
        assertEquals(0, made.exitCode(), made.err());
        bundle = dir.resolve("bundle.npz");
        CliRunner.Result both = CliRunner.run("extract", "--model", target.toString(), "--method", "ssf,ssf-hard", "--n", "8",
                "--param", "steps=10", "--data", data.toString(), "--out", bundle.toString());
        assertEquals(0, both.exitCode(), both.err());
    }

    private static Path train(int seed, String name) {
        Path out = dir.resolve(name);
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--seed",
                String.valueOf(seed), "--out", out.toString()).exitCode());
        return out;
    }

    @Test
    void theTargetIsUnmodifiedAndAnIndependentModelModifiedInTextAndJson() {
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", ssf.toString(), "--format", "json", target.toString(),
                independent.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals("tampering", r.json().get("question").asText());
        JsonNode results = r.json().get("results");
        assertEquals("unmodified", results.get(0).get("verdict").asText(), r.out());
        assertEquals("tolerance", results.get(0).get("decidedBy").asText());
        assertEquals(1.0, results.get(0).get("similarity").asDouble());
        assertEquals("modified", results.get(1).get("verdict").asText(), r.out());
        CliRunner.Result text = CliRunner.run("verify", "--fingerprint", ssf.toString(), target.toString());
        assertEquals(0, text.exitCode(), text.out() + text.err());
        assertTrue(text.out().contains("unmodified (tolerance)") && text.out().contains("says nothing about derivation")
                && !text.out().contains("run modelprint calibrate"), text.out());

        CliRunner.Result both = CliRunner.run("verify", "--fingerprint", bundle.toString(), "--format", "json", target.toString(),
                independent.toString());
        assertEquals(0, both.exitCode(), both.out() + both.err());
        assertEquals("unmodified", both.json().get("results").get(0).get("verdict").asText(), both.out());
        assertEquals("any-modified", both.json().get("results").get(0).get("combination").asText());
        assertEquals("modified", both.json().get("results").get(1).get("verdict").asText(), both.out());
        assertEquals(2, both.json().get("results").get(1).get("modifiedMembers").asInt(), both.out());
    }

    @Test
    void theTargetServedOverHttpIsUnmodifiedAndARandomizingServerIsNotChecked() throws Exception {
        try (Classifier model = ModelLoader.loadClassifier(target, InputSpec.fashionMnist());
                InferenceServer server = new InferenceServer(new ServedModel("target", model, false, 2), 64,
                        ServeCommand.maxBodyBytes(model.inputSpec(), 64)).start("127.0.0.1", 0)) {
            String url = "http://127.0.0.1:" + server.port() + "/v2/models/target";
            CliRunner.Result r = CliRunner.run("verify", "--fingerprint", bundle.toString(), "--format", "json", url);
            assertEquals(0, r.exitCode(), r.out() + r.err());
            JsonNode result = r.json().get("results").get(0);
            assertEquals("unmodified", result.get("verdict").asText(), r.out());
            assertEquals(8 + 4, result.get("members").get(0).get("queriesSent").asInt(), "8 samples and 4 asked again");
            assertEquals(0, result.get("members").get(0).get("cachedAnswers").asInt(), "tampering is never judged from a cache");
        }
        Defense noise = Defense.parse(List.of("noise=0.01"));
        try (Classifier noisy = DefendedClassifier.wrap(ModelLoader.loadClassifier(target, InputSpec.fashionMnist()), noise);
                InferenceServer server = new InferenceServer(new ServedModel("noisy", noisy, false, 2, noise.toString()), 64,
                        ServeCommand.maxBodyBytes(noisy.inputSpec(), 64)).start("127.0.0.1", 0)) {
            CliRunner.Result r = CliRunner.run("verify", "--fingerprint", ssf.toString(), "--format", "json",
                    "http://127.0.0.1:" + server.port() + "/v2/models/noisy");
            assertEquals(1, r.exitCode(), r.out() + r.err());
            String error = r.json().get("results").get(0).get("error").asText();
            assertTrue(error.contains("not checked") && error.contains("cannot be checked for tampering"), error);
        }
    }

    @Test
    void infoAndScanSayUnmodifiedOrModified() {
        CliRunner.Result info = CliRunner.run("info", ssf.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("scheme ssf") && info.out().contains("unmodified / modified"), info.out());

        Path key = dir.resolve("key");
        assertEquals(0, CliRunner.run("keys", "new", "--out", key.toString()).exitCode());
        Path signed = dir.resolve("signed.npz");
        assertEquals(0, CliRunner.run("extract", "--model", target.toString(), "--method", "ssf", "--n", "8", "--param", "steps=10",
                "--data", data.toString(), "--out", signed.toString(), "--sign", key.toString()).exitCode());
        String db = dir.resolve("registry.db").toString();
        assertEquals(0, CliRunner.run("registry", "add", signed.toString(), "--owner", "alice", "--db", db).exitCode());
        CliRunner.Result scan = CliRunner.run("scan", "--db", db, "--format", "json", target.toString(), independent.toString());
        assertEquals(0, scan.exitCode(), scan.out() + scan.err());
        assertEquals("unmodified", scan.json().get("results").get(0).get("matches").get(0).get("verdict").asText(), scan.out());
        assertEquals("modified", scan.json().get("results").get(1).get("matches").get(0).get("verdict").asText(), scan.out());
    }

    @Test
    void calibrationABundleWithADerivationSchemeAFleetAndATorchScriptTargetAreRefused() {
        CliRunner.Result calibrate = CliRunner.run("calibrate", "--fingerprint", ssf.toString(), "--negatives", independent.toString(),
                target.toString());
        assertEquals(2, calibrate.exitCode(), calibrate.out());
        assertTrue(calibrate.err().contains("not calibrated") && calibrate.err().contains("unmodified / modified"), calibrate.err());
        CliRunner.Result mixed = CliRunner.run("extract", "--model", target.toString(), "--method", "ssf,ipguard", "--data",
                data.toString(), "--out", dir.resolve("mixed.npz").toString());
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("one bundle answers one question"), mixed.err());
        CliRunner.Result fleet = CliRunner.run("extract", "--model", target.toString(), "--method", "ssf", "--fleet",
                dir.resolve("fleet").toString(), "--data", data.toString(), "--out", dir.resolve("fleet.npz").toString());
        assertEquals(2, fleet.exitCode());
        assertTrue(fleet.err().contains("takes no fleet"), fleet.err());
        // a TorchScript module's parameters cannot be perturbed: ssf cannot make samples on it
        CliRunner.Result torchScript = CliRunner.run("extract", "--model",
                Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt").toString(), "--method", "ssf", "--n", "4",
                "--param", "init=random", "--out", dir.resolve("ts.npz").toString());
        assertEquals(2, torchScript.exitCode(), torchScript.err());
        assertTrue(torchScript.err().contains("tiny-cnn.pt") && torchScript.err().contains("perturbing the target's weights"),
                torchScript.err());
    }
}
