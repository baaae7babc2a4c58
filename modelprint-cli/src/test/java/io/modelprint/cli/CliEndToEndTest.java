package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract on a small Fashion-MNIST-shaped data set made on the spot. */
class CliEndToEndTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path target;
    static Path independent;
    static Path fingerprint;

    @BeforeAll
    static void trainModelsAndExtract() throws IOException {
        data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 600, 200, 28);
        target = dir.resolve("target");
        independent = dir.resolve("independent");
        CliRunner.Result trained = CliRunner.run("train", "--arch", "mlp", "--dataset", "fashion-mnist", "--data", data.toString(),
                "--epochs", "2", "--seed", "1", "--out", target.toString(), "--format", "json");
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.json().get("testAccuracy").asDouble() > 0.9, trained.out());
        assertEquals(0, CliRunner.run("train", "--arch", "lenet5", "--data", data.toString(), "--epochs", "2", "--seed", "2",
                "--out", independent.toString()).exitCode());
        fingerprint = dir.resolve("fp.npz");
        CliRunner.Result extracted = CliRunner.run("extract", "--model", target.toString(), "--method", "ipguard", "--n", "40",
                "--k", "3", "--lr", "0.01", "--max-iter", "1000", "--init", "data", "--label", "least-likely", "--seed", "4",
                "--data", data.toString(), "--out", fingerprint.toString(), "--format", "json");
        assertEquals(0, extracted.exitCode(), extracted.err());
        JsonNode json = extracted.json();
        assertEquals(fingerprint.toString(), json.get("output").asText());
        assertEquals(40, json.get("n").asInt());
        assertTrue(json.get("converged").asInt() >= 38, extracted.out());
        assertEquals(3.0, json.get("params").get("k").asDouble(), "every parameter is reported: " + json);
        assertEquals("data", json.get("params").get("init").asText(), "the T of TL");
        assertEquals("least-likely", json.get("params").get("label").asText(), "the L of TL");
        assertEquals(1000, json.get("params").get("maxIter").asInt(), "defaults are recorded too: " + json);
    }

    @Test
    void benchExtractTimesIpGuardMadeWithTheGivenParameters() {
        CliRunner.Result r = CliRunner.run("bench", "extract", "--model", target.toString(), "--n", "20", "--k", "3", "--lr", "0.01",
                "--max-iter", "1000", "--repeat", "2", "--data", data.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(20, r.json().get("n").asInt());
        assertEquals(2, r.json().get("repeat").asInt());
        assertTrue(r.json().get("meanConverged").asDouble() >= 18, "as extract converges: " + r.out());
        assertTrue(r.json().get("minSeconds").asDouble() > 0, r.out());
    }

    @Test
    void verifyReportsEverySuspectAndKeepsGoingPastFailures() {
        Path missing = dir.resolve("no-such-model");
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--threshold", "0.6",
                "--format", "json", target.toString(), missing.toString(), independent.toString());
        assertEquals(ExitCode.PARTIAL_FAILURE, r.exitCode(), r.err());
        JsonNode results = r.json().get("results");
        assertEquals(3, results.size());
        assertEquals(target.toString(), results.get(0).get("suspect").asText());
        assertEquals(1.0, results.get(0).get("matchingRate").asDouble());
        assertEquals("derived", results.get(0).get("verdict").asText());
        assertTrue(results.get(1).get("error").asText().contains("no-such-model"), r.out());
        assertFalse(results.get(1).has("matchingRate"));
        double independentRate = results.get(2).get("matchingRate").asDouble();
        assertTrue(independentRate < 0.6, "independent model rate " + independentRate);
        assertEquals("independent", results.get(2).get("verdict").asText());
        assertEquals(0.6, r.json().get("threshold").asDouble());
    }

    @Test
    void calibrationAddsAPValueAndWithoutItTheOutputSaysSo() throws IOException {
        CliRunner.Result plain = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json", target.toString());
        assertFalse(plain.json().get("calibrated").asBoolean());
        assertFalse(plain.json().get("results").get(0).has("pValue"));
        String text = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), target.toString()).out();
        assertTrue(text.contains("not calibrated") && text.contains("derived (uncalibrated)"), "the verdict itself says so: " + text);
        assertEquals("uncalibrated", plain.json().get("results").get(0).get("decidedBy").asText());

        Path calibrated = dir.resolve("calibrated.npz");
        Files.copy(fingerprint, calibrated);
        Path second = dir.resolve("independent-2");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--seed", "3",
                "--out", second.toString()).exitCode());
        CliRunner.Result tooFew = CliRunner.run("calibrate", "--fingerprint", calibrated.toString(), "--negatives", independent.toString());
        assertEquals(ExitCode.BAD_INPUT, tooFew.exitCode());
        assertTrue(tooFew.err().contains("at least 2"), tooFew.err());
        CliRunner.Result done = CliRunner.run("calibrate", "--fingerprint", calibrated.toString(), "--negatives", independent.toString(),
                second.toString());
        assertEquals(0, done.exitCode(), done.err());
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", calibrated.toString(), "--format", "json", target.toString(),
                independent.toString());
        assertTrue(r.json().get("calibrated").asBoolean());
        double targetP = r.json().get("results").get(0).get("pValue").asDouble();
        double independentP = r.json().get("results").get(1).get("pValue").asDouble();
        assertEquals(io.modelprint.verify.SupportedPValue.floor(2), targetP, 1e-12,
                "the target itself is beyond both references, but 2 references support no smaller p-value");
        assertEquals("independent", r.json().get("results").get(0).get("verdict").asText(), "p 0.32 is no evidence at alpha 0.01");
        assertEquals("p-value", r.json().get("results").get(0).get("decidedBy").asText());
        assertTrue(independentP >= 2.0 / 3, "a reference negative is as similar as itself: (1 + 1) / (2 + 1) at least: " + independentP);
        assertTrue(done.err().contains("support p-values down to 0.32 only"), "calibrate warns: " + done.err());
        assertTrue(done.out().contains("no suspect can be called derived at p <= 0.01")
                && done.out().contains("set by the number of references"), "calibrate says what it cannot decide: " + done.out());
        CliRunner.Result loose = CliRunner.run("calibrate", "--fingerprint", calibrated.toString(), "--negatives",
                independent.toString(), second.toString(), "--alpha", "0.5", "--format", "json");
        assertEquals(0, loose.exitCode(), loose.err());
        var from = loose.json().get("derivedFrom");
        assertTrue(from.get("reachable").asBoolean(), loose.out());
        int matches = from.get("matches").asInt();
        assertTrue(from.get("pValue").asDouble() <= 0.5 && matches > 0
                && matches <= r.json().get("results").get(0).get("queries").asInt(), loose.out());
        assertEquals(ExitCode.BAD_INPUT, CliRunner.run("calibrate", "--fingerprint", calibrated.toString(), "--negatives",
                independent.toString(), second.toString(), "--alpha", "1.5").exitCode());
        assertEquals("derived", CliRunner.run("verify", "--fingerprint", calibrated.toString(), "--format", "json", "--threshold",
                "0.5", target.toString()).json().get("results").get(0).get("verdict").asText(), "a threshold the user gives decides");
        assertTrue(CliRunner.run("info", calibrated.toString()).out().contains("beta-binomial"));
    }

    @Test
    void textOutputAndInfo() {
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), target.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1.00") && r.out().contains("derived"), r.out());
        CliRunner.Result info = CliRunner.run("info", fingerprint.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("40 queries") && info.out().contains("\"scheme\" : \"ipguard\""), info.out());
        CliRunner.Result model = CliRunner.run("info", target.toString());
        assertTrue(model.out().contains("\"arch\" : \"mlp\""), model.out());
    }

    @Test
    void repeatedQueriesCountEveryRepeatAndSayTheModelNeverChangedItsAnswers() {
        CliRunner.Result json = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--repeat", "3", "--format", "json",
                target.toString());
        assertEquals(0, json.exitCode(), json.err());
        var row = json.json().get("results").get(0);
        assertEquals(3, row.get("repeats").asInt());
        assertEquals(3 * row.get("queries").asInt(), row.get("queriesAsked").asInt());
        assertEquals(0, row.get("inconsistentQueries").asInt());
        CliRunner.Result text = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--repeat", "3", target.toString());
        assertTrue(text.out().contains("every query asked 3 times: the answers never changed"), text.out());
        CliRunner.Result none = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--repeat", "0", target.toString());
        assertEquals(ExitCode.BAD_INPUT, none.exitCode());
        assertTrue(none.err().contains("--repeat 0"), none.err());
    }

    @Test
    void torchScriptFilesWorkAsTargetAndSuspectAndOnnxAsSuspect() {
        Path pt = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt");
        Path fp = dir.resolve("pt.npz");
        CliRunner.Result extracted = CliRunner.run("extract", "--model", pt.toString(), "--n", "10", "--k", "0.1", "--lr", "0.05",
                "--init", "random", "--data", data.toString(), "--out", fp.toString(), "--format", "json");
        assertEquals(0, extracted.exitCode(), extracted.err());
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", pt.toString(),
                "../modelprint-engine/src/test/resources/fixtures/nan-logits.pt",
                "../modelprint-engine/src/test/resources/fixtures/tiny-cnn.onnx");
        assertEquals(ExitCode.PARTIAL_FAILURE, r.exitCode());
        assertEquals(1.0, r.json().get("results").get(0).get("matchingRate").asDouble());
        assertTrue(r.json().get("results").get(1).get("error").asText().contains("NaN"), r.out());
        assertEquals(1.0, r.json().get("results").get(2).get("matchingRate").asDouble(), "the ONNX export of the same model");
    }

    @Test
    void suspectWithAnotherInputShapeIsAnErrorForThatSuspectOnly() throws IOException {
        Path small = SyntheticData.writeFashionMnistLike(dir.resolve("small"), 100, 50, 14);
        Path smallModel = dir.resolve("small-model");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", small.toString(), "--epochs", "1",
                "--out", smallModel.toString()).exitCode());
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fingerprint.toString(), "--format", "json",
                smallModel.toString(), target.toString());
        assertEquals(ExitCode.PARTIAL_FAILURE, r.exitCode());
        String error = r.json().get("results").get(0).get("error").asText();
        assertTrue(error.contains("1x14x14") && error.contains("1x28x28"), error);
        assertEquals(1.0, r.json().get("results").get(1).get("matchingRate").asDouble());
    }

    @Test
    void aSuspectWithAnotherInputSpecIsConvertedExactlyWhenDescribed() {
        Path pt = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt");
        Path other = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn-nhwc255.onnx");
        Path fp = dir.resolve("spec.npz");
        assertEquals(0, CliRunner.run("extract", "--model", pt.toString(), "--n", "20", "--k", "0.05", "--lr", "0.05",
                "--max-iter", "50", "--data", data.toString(), "--out", fp.toString()).exitCode());
        CliRunner.Result refused = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", other.toString());
        assertEquals(ExitCode.PARTIAL_FAILURE, refused.exitCode());
        String error = refused.json().get("results").get(0).get("error").asText();
        assertTrue(error.contains("[-1, 28, 28, 1]") && error.contains("1x28x28"), error);
        CliRunner.Result converted = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json",
                "--input-range", "0,255", "--mean", "127.5", "--std", "50", "--channels-last", other.toString());
        assertEquals(0, converted.exitCode(), converted.out() + converted.err());
        assertEquals(1.0, converted.json().get("results").get(0).get("matchingRate").asDouble(), converted.out());
        CliRunner.Result badFlag = CliRunner.run("verify", "--fingerprint", fp.toString(), "--mean", "1,2", "--std", "1,2", other.toString());
        assertEquals(ExitCode.BAD_INPUT, badFlag.exitCode());
        assertTrue(badFlag.err().contains("--mean and --std need 1 or 1 values"), badFlag.err());
    }

    @Test
    void aTargetWithAnotherInputSpecIsFingerprintedInPixelsAndStoredInItsOwnSpec() {
        Path other = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn-nhwc255.pt");
        Path plain = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt");
        Path fp = dir.resolve("nhwc.npz");
        CliRunner.Result extracted = CliRunner.run("extract", "--model", other.toString(), "--n", "20", "--k", "0.05", "--lr", "0.05",
                "--max-iter", "50", "--input-range", "0,255", "--mean", "127.5", "--std", "50", "--channels-last",
                "--data", data.toString(), "--out", fp.toString());
        assertEquals(0, extracted.exitCode(), extracted.err());
        CliRunner.Result info = CliRunner.run("info", fp.toString());
        assertTrue(info.out().contains("\"channelsLast\" : true") && info.out().contains("\"max\" : 255.0"), info.out());
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", other.toString());
        assertEquals(1.0, r.json().get("results").get(0).get("matchingRate").asDouble(), r.out() + r.err());
        CliRunner.Result converted = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json",
                "--input-range", "0,1", plain.toString());
        assertEquals(1.0, converted.json().get("results").get(0).get("matchingRate").asDouble(),
                "the same network taking [0,1] NCHW, reached by exact conversion: " + converted.out());
        CliRunner.Result onDirectory = CliRunner.run("extract", "--model", target.toString(), "--channels-last",
                "--data", data.toString(), "--out", dir.resolve("never.npz").toString());
        assertEquals(ExitCode.BAD_INPUT, onDirectory.exitCode());
        assertTrue(onDirectory.err().contains("records its input spec"), onDirectory.err());
    }
}
