package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every extraction-catching scheme through the CLI on trained tiny models: extract, verify, calibrate, info. */
class CliSchemesTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path target;
    static Path independent;
    static Path independent2;

    @BeforeAll
    static void trainModels() throws IOException {
        TinyCliModels models = TinyCliModels.train(dir);
        data = models.data();
        target = models.target();
        independent = models.independent();
        independent2 = models.independent2();
    }

    private static Path extract(String method, String... extra) {
        Path out = dir.resolve(method + ".npz");
        String[] base = {"extract", "--model", target.toString(), "--method", method, "--data", data.toString(),
            "--out", out.toString(), "--format", "json"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    @ParameterizedTest
    @CsvSource({"sac-m,40,", "modeldiff,40,", "zest,3,masks=20"})
    void theTargetIsDerivedAndIndependentModelsAreNot(String method, String n, String param) {
        Path fp = param == null ? extract(method, "--n", n) : extract(method, "--n", n, "--param", param);
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", target.toString(),
                independent.toString(), independent2.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode results = r.json().get("results");
        assertEquals(method, r.json().get("scheme").asText());
        assertEquals(1.0, results.get(0).get("similarity").asDouble(), 1e-6, r.out());
        assertEquals("derived", results.get(0).get("verdict").asText());
        assertEquals("independent", results.get(1).get("verdict").asText(), r.out());
        assertEquals("independent", results.get(2).get("verdict").asText(), r.out());
        assertFalse(results.get(0).has("matchingRate"), "only label-matching schemes report a matching rate");
    }

    @Test
    void aContinuousSchemeIsCalibratedWithAStudentTNullAndTheFileIsVersion2() throws IOException {
        Path fp = extract("modeldiff", "--n", "40");
        CliRunner.Result info = CliRunner.run("info", fp.toString());
        assertTrue(info.out().contains("scheme modeldiff") && info.out().contains("format version 2")
                && info.out().contains("suspects must give scores"), info.out());
        assertEquals(0, CliRunner.run("calibrate", "--fingerprint", fp.toString(), "--negatives", independent.toString(),
                independent2.toString()).exitCode());
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", target.toString(),
                independent.toString());
        assertTrue(r.json().get("calibrated").asBoolean(), r.out());
        double targetP = r.json().get("results").get(0).get("pValue").asDouble();
        double negativeP = r.json().get("results").get(1).get("pValue").asDouble();
        assertTrue(targetP < negativeP && negativeP > 0.05, "target p " + targetP + ", reference negative p " + negativeP);
        assertTrue(CliRunner.run("info", fp.toString()).out().contains("student-t"));

        // the calibration is covered by the version 2 hash: editing it by hand is refused
        Path edited = dir.resolve("edited.npz");
        rewriteMeta(fp, edited, "\"student-t\"", "\"beta-binomial\"");
        CliRunner.Result refused = CliRunner.run("verify", "--fingerprint", edited.toString(), target.toString());
        assertEquals(ExitCode.BAD_INPUT, refused.exitCode());
        assertTrue(refused.err().contains("hash mismatch"), refused.err());
    }

    @Test
    void aBundleReportsEachSchemeAndACombinedVerdict() {
        Path bundle = dir.resolve("bundle.npz");
        CliRunner.Result made = CliRunner.run("extract", "--model", target.toString(), "--method", "sac-m,modeldiff,ipguard",
                "--n", "30", "--data", data.toString(), "--out", bundle.toString(), "--format", "json");
        assertEquals(0, made.exitCode(), made.err());
        assertEquals(3, made.json().get("members").size(), made.out());
        assertTrue(CliRunner.run("info", bundle.toString()).out().contains("3 schemes (sac-m, modeldiff, ipguard)"));

        CliRunner.Result plain = CliRunner.run("verify", "--fingerprint", bundle.toString(), "--format", "json", target.toString(),
                independent.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        JsonNode self = plain.json().get("results").get(0);
        assertEquals(3, self.get("members").size());
        assertEquals("majority", self.get("combination").asText());
        assertEquals("uncalibrated", self.get("decidedBy").asText());
        assertTrue(plain.json().get("threshold").isNull(), "each member has its own default threshold: " + plain.out());
        assertEquals("derived", self.get("verdict").asText());
        assertEquals("independent", plain.json().get("results").get(1).get("verdict").asText(), plain.out());
        CliRunner.Result plainText = CliRunner.run("verify", "--fingerprint", bundle.toString(), target.toString());
        assertTrue(plainText.out().contains("(majority, uncalibrated)")
                && plainText.out().contains("an uncalibrated bundle takes the majority of its schemes' verdicts"), plainText.out());

        assertEquals(0, CliRunner.run("calibrate", "--fingerprint", bundle.toString(), "--negatives", independent.toString(),
                independent2.toString()).exitCode());
        CliRunner.Result calibrated = CliRunner.run("verify", "--fingerprint", bundle.toString(), "--format", "json",
                target.toString());
        JsonNode row = calibrated.json().get("results").get(0);
        assertEquals("bonferroni", row.get("combination").asText(), calibrated.out());
        double smallest = 1;
        for (JsonNode member : row.get("members")) {
            smallest = Math.min(smallest, member.get("pValue").asDouble());
        }
        assertEquals(Math.min(1, 3 * smallest), row.get("pValue").asDouble(), 1e-12);
        CliRunner.Result text = CliRunner.run("verify", "--fingerprint", bundle.toString(), target.toString());
        assertTrue(text.out().contains("[sac-m]") && text.out().contains("[bundle]") && text.out().contains("(bonferroni)"),
                text.out());
        // the first line says who signed the file, the second is the table's header
        assertTrue(text.out().startsWith("fingerprint " + bundle + ": unsigned\nsuspect")
                && text.out().lines().skip(1).findFirst().orElseThrow().contains("similarity")
                && !text.out().contains("matching rate"), "a bundle's rows are not all matching rates: " + text.out());
    }

    @Test
    void deepFoolMultipointsUapAndDeepJudgeGoIntoACalibratedBundle() {
        Path bundle = dir.resolve("new-schemes.npz");
        CliRunner.Result made = CliRunner.run("extract", "--model", target.toString(), "--method",
                "deepfool,ipguard-multipoint,uap,deepjudge", "--n", "20", "--data", data.toString(), "--out", bundle.toString(),
                "--format", "json");
        assertEquals(0, made.exitCode(), made.err());
        assertEquals(4, made.json().get("members").size(), made.out());
        assertEquals(0, CliRunner.run("calibrate", "--fingerprint", bundle.toString(), "--negatives", independent.toString(),
                independent2.toString()).exitCode());
        CliRunner.Result verified = CliRunner.run("verify", "--fingerprint", bundle.toString(), "--format", "json",
                target.toString(), independent.toString());
        assertEquals(0, verified.exitCode(), verified.err());
        JsonNode self = verified.json().get("results").get(0).get("members");
        JsonNode other = verified.json().get("results").get(1).get("members");
        for (int m = 0; m < 4; m++) {
            assertEquals(1.0, self.get(m).get("similarity").asDouble(), 1e-6, verified.out());
            assertTrue(self.get(m).has("pValue") && other.get(m).get("similarity").asDouble() < 1, verified.out());
        }
    }

    @Test
    void scoreSchemesWorkOnTorchScriptTargetsAndOnnxSuspects() {
        Path pt = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.pt");
        Path onnx = Path.of("../modelprint-engine/src/test/resources/fixtures/tiny-cnn.onnx");
        Path fp = dir.resolve("pt-modeldiff.npz");
        CliRunner.Result made = CliRunner.run("extract", "--model", pt.toString(), "--method", "modeldiff", "--n", "20",
                "--data", data.toString(), "--out", fp.toString());
        assertEquals(0, made.exitCode(), made.err());
        CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fp.toString(), "--format", "json", pt.toString(),
                onnx.toString(), target.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        JsonNode results = r.json().get("results");
        assertEquals(1.0, results.get(0).get("similarity").asDouble(), 1e-6, "the TorchScript target itself");
        assertTrue(results.get(1).get("similarity").asDouble() > 0.999, "its ONNX export, through ONNX Runtime: " + r.out());
        assertEquals("derived", results.get(1).get("verdict").asText());
        assertTrue(results.get(2).get("similarity").asDouble() < results.get(1).get("similarity").asDouble(), r.out());
    }

    @Test
    void calibrateTakesTheNegativesOfAZooAndWarnsAboutANegativeThatIsReallyTheTarget() throws IOException {
        Path zoo = Files.createDirectories(dir.resolve("mini-zoo"));
        java.util.List<io.modelprint.lab.zoo.ZooEntry> entries = new java.util.ArrayList<>();
        for (Path model : new Path[] {independent, independent2, target}) {
            Path copy = zoo.resolve(model.getFileName().toString());
            copyTree(model, copy);
            entries.add(new io.modelprint.lab.zoo.ZooEntry(model.getFileName().toString(), io.modelprint.lab.zoo.SuspectGroup.NEGATIVE,
                    "MLP", null, java.util.Map.of(), 0.9, model.getFileName().toString(), "ab".repeat(32), 1.0, true));
        }
        // a negative of another task (as the transfer family's) is skipped, with a word, not an error
        entries.add(new io.modelprint.lab.zoo.ZooEntry("other-task", io.modelprint.lab.zoo.SuspectGroup.NEGATIVE, "MLP", null,
                java.util.Map.of("task", "coarse-4"), 0.9, "no-such-dir", "ab".repeat(32), 1.0, true));
        new io.modelprint.lab.zoo.ZooManifest(1, "tiny", 0, "bands", java.util.Map.of(), entries, null).write(zoo);
        Path fp = extract("modeldiff", "--n", "20");
        CliRunner.Result r = CliRunner.run("calibrate", "--fingerprint", fp.toString(), "--zoo", zoo.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, r.json().get("negatives").asInt(), r.out());
        assertTrue(r.err().contains("1 negatives of " + zoo + " answer another task"), r.err());
        assertTrue(r.err().contains("as similar to the target as the target itself"), "the target listed as a negative: " + r.err());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void unknownMethodsAndImpossibleRequestsAreRefusedByName() {
        CliRunner.Result unknown = CliRunner.run("extract", "--model", target.toString(), "--method", "sacc", "--data",
                data.toString(), "--out", dir.resolve("x.npz").toString());
        assertEquals(ExitCode.BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("sacc") && unknown.err().contains("sac-m-hard"), unknown.err());
        CliRunner.Result tooMany = CliRunner.run("extract", "--model", target.toString(), "--method", "akh", "--n", "100000",
                "--data", data.toString(), "--out", dir.resolve("akh.npz").toString());
        assertEquals(ExitCode.BAD_INPUT, tooMany.exitCode());
        assertTrue(tooMany.err().contains("wrong") && tooMany.err().contains("--n"), tooMany.err());
        assertFalse(Files.exists(dir.resolve("akh.npz")));
        CliRunner.Result odd = CliRunner.run("extract", "--model", target.toString(), "--method", "modeldiff", "--n", "7",
                "--data", data.toString(), "--out", dir.resolve("odd.npz").toString());
        assertEquals(ExitCode.BAD_INPUT, odd.exitCode());
        assertTrue(odd.err().contains("even"), odd.err());
    }

    private static void rewriteMeta(Path from, Path to, String find, String replace) throws IOException {
        try (var zip = new java.util.zip.ZipFile(from.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("meta.json")) {
                    bytes = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace(find, replace)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
