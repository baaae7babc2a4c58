package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One registry holding a grey 1x28x28 and a colour 3x32x32 fingerprint (the committed TorchScript/ONNX fixtures of
 * scripts/make_torchscript_fixtures.py): every suspect is checked against the fingerprints whose queries it takes,
 * and the others are "not checked" rows with the reason, never the end of the suspect.
 */
class CliScanShapesTest {
    private static final Path FIXTURES = Path.of("../modelprint-engine/src/test/resources/fixtures");
    private static final InputSpec COLOUR = InputSpec.unitRange(3, 32, 32);

    @TempDir
    static Path dir;

    static String db;
    static Path colourFp;
    static String greyId;
    static String colourId;

    @BeforeAll
    static void aRegistryOfGreyAndColourFingerprints() {
        Path key = dir.resolve("alice-key");
        assertEquals(0, CliRunner.run("keys", "new", "--out", key.toString()).exitCode());
        Path greyFp = dir.resolve("grey.npz");
        CliRunner.Result grey = CliRunner.run("extract", "--model", FIXTURES.resolve("tiny-cnn.pt").toString(), "--init", "random",
                "--n", "10", "--k", "0.1", "--lr", "0.05", "--out", greyFp.toString(), "--sign", key.toString());
        assertEquals(0, grey.exitCode(), grey.err());
        // the colour fingerprint through the API, so that this test depends on the scan alone
        colourFp = dir.resolve("colour.npz");
        try (DjlClassifier target = ModelLoader.load(FIXTURES.resolve("rgb32.pt"), COLOUR)) {
            var scheme = Schemes.create("ipguard", Map.of("k", 0.1, "lr", 0.05, "init", "random", "n", 10), "test");
            FingerprintFile.writeBundle(colourFp, List.of(FingerprintExtractor.extract(target, "rgb32.pt", scheme,
                    SeedSource.uniform(COLOUR), 1, ProgressListener.NONE).fingerprint()));
        }
        assertEquals(0, CliRunner.run("sign", "--fingerprint", colourFp.toString(), "--key", key.toString()).exitCode());
        db = dir.resolve("registry.db").toString();
        greyId = CliRunner.run("registry", "add", greyFp.toString(), "--owner", "alice", "--db", db, "--format", "json").json()
                .get("fingerprint").get("id").asText();
        colourId = CliRunner.run("registry", "add", colourFp.toString(), "--owner", "alice", "--db", db, "--format", "json").json()
                .get("fingerprint").get("id").asText();
    }

    @Test
    void aColourSuspectIsCheckedAgainstTheColourFingerprintAsVerifyChecksIt() {
        String copy = FIXTURES.resolve("rgb32.onnx").toString();
        String independent = FIXTURES.resolve("rgb32-2.pt").toString();
        CliRunner.Result scan = CliRunner.run("scan", "--db", db, "--input-shape", "3,32,32", "--format", "json", copy, independent);
        assertEquals(0, scan.exitCode(), scan.out() + scan.err());
        JsonNode forCopy = scan.json().get("results").get(0).get("matches");
        assertEquals(colourId, forCopy.get(0).get("fingerprint").asText(), "the checked fingerprint ranks first");
        assertEquals("derived", forCopy.get(0).get("verdict").asText());
        assertEquals(greyId, forCopy.get(1).get("fingerprint").asText());
        String reason = forCopy.get(1).get("incompatible").asText();
        assertTrue(reason.contains("channel counts differ") && reason.contains("1x28x28") && reason.contains("3x32x32"), reason);

        CliRunner.Result verify = CliRunner.run("verify", "--db", db, "--fingerprint", colourFp.toString(), "--input-shape", "3,32,32",
                "--format", "json", copy);
        assertEquals(0, verify.exitCode(), verify.err());
        JsonNode verified = verify.json().get("results").get(0);
        assertEquals(verified.get("similarity").asDouble(), forCopy.get(0).get("similarity").asDouble(), 1e-9, "scan = verify");
        assertEquals(verified.get("verdict").asText(), forCopy.get(0).get("verdict").asText());
        assertEquals(verified.get("matches").asInt(), forCopy.get(0).get("matches").asInt());

        JsonNode forIndependent = scan.json().get("results").get(1).get("matches");
        assertEquals("independent", forIndependent.get(0).get("verdict").asText(), forIndependent.toString());
        assertFalse(forIndependent.get(1).has("verdict"), "the grey fingerprint is not checked: " + forIndependent);

        JsonNode log = CliRunner.run("registry", "log", "--db", db, "--format", "json").json().get("records");
        int records = 0;
        for (JsonNode record : log) {
            if (List.of(copy, independent).contains(record.get("suspect").asText())) {
                assertEquals(colourId, record.get("fingerprintId").asText(), "a fingerprint not checked leaves no evidence");
                records++;
            }
        }
        assertEquals(3, records, "two scan checks and the verify");
    }

    @Test
    void withoutInputFlagsEachFileIsOpenedForTheSpecItTakes() {
        String colour = FIXTURES.resolve("rgb32.pt").toString();
        String grey = FIXTURES.resolve("tiny-cnn.onnx").toString();
        CliRunner.Result scan = CliRunner.run("scan", "--db", db, "--format", "json", colour, grey);
        assertEquals(0, scan.exitCode(), scan.out() + scan.err());
        JsonNode forColour = scan.json().get("results").get(0).get("matches");
        assertEquals(colourId, forColour.get(0).get("fingerprint").asText());
        assertEquals(1.0, forColour.get(0).get("matchingRate").asDouble());
        String reason = forColour.get(1).get("incompatible").asText();
        assertTrue(reason.contains("does not take") && reason.contains("--input-shape"), reason);
        JsonNode forGrey = scan.json().get("results").get(1).get("matches");
        assertEquals(greyId, forGrey.get(0).get("fingerprint").asText());
        assertEquals(1.0, forGrey.get(0).get("matchingRate").asDouble(), "the ONNX export of the grey target");
        assertTrue(forGrey.get(1).get("incompatible").asText().contains("declares input"), forGrey.toString());

        CliRunner.Result text = CliRunner.run("scan", "--db", db, colour);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("derived (uncalibrated)") && text.out().contains("not checked: "), text.out());
    }

    @Test
    void aSuspectThatCannotBeOpenedForAnySpecFailsAloneWithOneReason() {
        String missing = dir.resolve("gone.pt").toString();
        CliRunner.Result scan = CliRunner.run("scan", "--db", db, "--format", "json", missing, FIXTURES.resolve("rgb32.pt").toString());
        assertEquals(ExitCode.PARTIAL_FAILURE, scan.exitCode(), scan.err());
        String error = scan.json().get("results").get(0).get("error").asText();
        assertEquals(missing + ": no such model file or directory", error, "the same refusal for both specs, said once");
        assertEquals("derived", scan.json().get("results").get(1).get("matches").get(0).get("verdict").asText());
    }
}
