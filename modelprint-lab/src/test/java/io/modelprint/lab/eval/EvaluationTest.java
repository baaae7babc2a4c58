package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.report.ReportWriter;
import io.modelprint.lab.zoo.Preset;
import io.modelprint.lab.zoo.ZooBuilder;
import io.modelprint.ProgressListener;
import io.modelprint.testing.SyntheticData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;

/** The evaluation and its report on a tiny zoo: every method, every combination, cached and rendered. */
class EvaluationTest {
    static final Preset TINY_ZOO = Preset.builder().setName("tiny").optTargetEpochs(2).optFineTuneImages(300).optRetrainImages(300)
            .optDistillBudget(300).optDistillEpochs(1).optSameArchNegatives(2).optNegativeImages(300).optOtherArchNegatives(1)
            .optForests(1).optForestImages(100).optForestTrees(3).optSweepStep(4).optAdvImages(100).optExtraLabelStudents(0)
            .optSameRecipeNegatives(1).optPytorchNegatives(0).build();
    static final EvaluationPreset TINY = new EvaluationPreset("tiny", EvaluationPreset.COMBOS, EvaluationPreset.paperSweeps(
            new double[] {0.1}, new double[] {1}, new double[] {1, 3}, Map.of("binarySteps", 2, "maxIter", 30, "initialConst", 0.1), 60), 20);

    @TempDir
    Path dir;

    @Test
    void evaluatesEveryConfigurationCachesItAndRendersTheReport() throws IOException {
        ImageDataset train = SyntheticData.bands(400, 4, 12, 12, 1);
        ImageDataset test = SyntheticData.bands(80, 4, 12, 12, 2);
        Path zoo = dir.resolve("zoo");
        new ZooBuilder(TINY_ZOO, 1, zoo, new PrintStream(new ByteArrayOutputStream())).build(train, test, Architecture.VGG, null,
                ProgressListener.NONE);
        Path out = dir.resolve("bench");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        EvaluationResults results = new Evaluation(zoo, out, new PrintStream(log, true, StandardCharsets.UTF_8))
                .run(TINY, train, test, ProgressListener.NONE);
        assertEquals(TINY.points().size(), results.methods().size());
        assertEquals(4 * (1 + 2 + 1 + 2 + 2), results.methods().size(), "4 combos x (random, fgsm, igsm, cw, 2 k of ipguard and multipoints)");
        assertEquals(List.of("random", "fgsm", "igsm", "cw-l2", "ipguard", "ipguard-multipoint"),
                results.best().keySet().stream().toList(), "Table 4's order");
        for (MethodResult r : results.methods()) {
            assertTrue(r.aruc() >= 0 && r.aruc() <= 1 && r.auc() >= 0 && r.auc() <= 1, r.toString());
            // the paper's methods compare the target's labels: suspects of the transfer task are left out
            assertEquals(results.zoo().entries().stream().filter(e -> e.kept() && !e.name().equals("target")
                    && SuspectFamily.task(e) == null).count(), r.matchingRates().size());
        }
        MethodResult ipguard = results.best().get("ipguard");
        assertTrue(ipguard.aruc() > results.best().get("random").aruc(), "IPGuard beats Random: " + ipguard.aruc());
        assertTrue(ipguard.matchingRates().get("ftll") > 0.8, "a fine-tuned copy matches: " + ipguard.matchingRates());

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        EvaluationResults cached = new Evaluation(zoo, out, new PrintStream(again, true, StandardCharsets.UTF_8))
                .run(TINY, train, test, ProgressListener.NONE);
        assertEquals("", again.toString(StandardCharsets.UTF_8), "everything comes from the cache");
        assertEquals(results.methods(), cached.methods());

        // the zoo changes (a suspect is set aside): every suspect is verified again, but the fingerprints depend on
        // the target alone and are not extracted again
        ZooManifest manifest = ZooManifest.read(zoo).orElseThrow();
        ZooEntry ftal = manifest.entry("ftal").orElseThrow();
        manifest.withEntry(new ZooEntry(ftal.name(), ftal.group(), ftal.kind(), ftal.parent(), ftal.parameters(), ftal.testAccuracy(),
                ftal.path(), ftal.sha256(), ftal.seconds(), false)).write(zoo);
        Path anyFingerprint = out.resolve("fingerprints").resolve(TINY.points().get(0).fileName() + ".npz");
        long extractedAt = Files.getLastModifiedTime(anyFingerprint).toMillis();
        ByteArrayOutputStream changed = new ByteArrayOutputStream();
        EvaluationResults reverified = new Evaluation(zoo, out, new PrintStream(changed, true, StandardCharsets.UTF_8))
                .run(TINY, train, test, ProgressListener.NONE);
        assertTrue(changed.toString(StandardCharsets.UTF_8).contains("one suspect at a time"), changed.toString(StandardCharsets.UTF_8));
        assertEquals(extractedAt, Files.getLastModifiedTime(anyFingerprint).toMillis(), "fingerprint not made again");
        for (int i = 0; i < results.methods().size(); i++) {
            MethodResult before = results.methods().get(i);
            MethodResult after = reverified.methods().get(i);
            assertEquals(before.seconds(), after.seconds(), "the extraction's cost comes from the cache");
            assertFalse(after.matchingRates().containsKey("ftal"));
            Map<String, Double> expected = new java.util.LinkedHashMap<>(before.matchingRates());
            expected.remove("ftal");
            assertEquals(expected, after.matchingRates(), "the other suspects answer as before");
        }

        List<SchemeRun> runs = List.of(new SchemeRun("sac-m-hard", 20, Map.of()), new SchemeRun("modeldiff", 20, Map.of()),
                new SchemeRun("zest", 1, Map.of("masks", 20)), new SchemeRun("akh", 100000, Map.of()),
                new SchemeRun("weights", 0, Map.of()), new SchemeRun("ssf", 8, Map.of("steps", 10)),
                new SchemeRun("ssf-hard", 16, Map.of("steps", 10)), new SchemeRun("modelgif", 20, Map.of()),
                new SchemeRun("deepjudge-wb", 20, Map.of("maxIter", 50)));
        List<SchemeResult> schemes = new Evaluation(zoo, out, new PrintStream(log, true, StandardCharsets.UTF_8))
                .run(runs, train, test, ProgressListener.NONE);
        assertEquals(9, schemes.size());
        WeightsBench.check(schemes.get(4));
        List<ZooEntry> suspects = ZooManifest.read(zoo).orElseThrow().entries().stream()
                .filter(e -> e.kept() && !e.name().equals("target")).toList();
        SsfBench.check(schemes.get(5), suspects);
        SsfBench.check(schemes.get(6), suspects);
        ModelGifBench.check(schemes.get(7));
        DeepJudgeWhiteBoxBench.check(schemes.get(8));
        SchemeResult modeldiff = schemes.get(1);
        assertEquals("scores", modeldiff.access());
        assertTrue(!modeldiff.skipped().isEmpty()
                && modeldiff.skipped().keySet().stream().allMatch(n -> n.startsWith("neg-rf") || n.equals("evasive-top1")),
                "only random forests and the top-1 API cannot give scores: " + modeldiff.skipped());
        assertTrue(modeldiff.families().stream().anyMatch(f -> f.family().equals("fine-tuning")), modeldiff.families().toString());
        double bestNegative = modeldiff.similarities().entrySet().stream().filter(e -> e.getKey().startsWith("neg-"))
                .mapToDouble(Map.Entry::getValue).max().orElseThrow();
        assertTrue(modeldiff.similarities().get("ftll") > bestNegative, modeldiff.similarities().toString());
        assertEquals(20, schemes.get(2).queries(), "zest asks images x masks queries");
        assertTrue(schemes.get(3).error() != null && schemes.get(3).error().contains("wrong"), "AKH cannot find 100000 mistakes");
        ReportWriter.write(results, schemes, TINY, out);
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("## Table 4") && report.contains("| ipguard |") && report.contains("0.94"), report);
        assertTrue(report.contains("## Table 8") && report.contains("20,006.3"), report);
        assertTrue(report.contains("| ftll |") && report.contains("negatives MLP"), report);
        String cost = report.substring(report.indexOf("## What this run cost"));
        assertTrue(cost.contains("| target | 1 |") && cost.contains("| ipguard |") && cost.contains("| schemes |"),
                "the cost section sums the zoo and the fingerprints: " + cost);
        for (String png : new String[] {"fig2-ipguard.png", "fig3-fgsm-aruc-vs-eps.png", "fig6-ipguard-aruc-vs-k.png", "rates-by-suspect.png"}) {
            byte[] bytes = Files.readAllBytes(out.resolve(png));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(bytes, 4), png + " is a PNG");
        }
        String csv = Files.readString(out.resolve("methods.csv"));
        assertEquals(results.methods().size() + 1, csv.lines().count());
        assertFalse(Files.readString(out.resolve("results.json")).isBlank());
        assertTrue(report.contains("## Schemes against every suspect family") && report.contains("| sac-m-hard | labels | 20 |")
                && report.contains("| modeldiff | scores | 20 |")
                && report.contains("| modelgif | gradients | 400 |"), report);
        assertTrue(report.contains("| negative (same recipe) (1) | negative (subset) (")
                && report.contains("No negatives made by another pipeline"), "negatives by kind: " + report);
        assertTrue(report.contains("## Tampering") && report.contains("| the target's ONNX export (1) | 0 / 1 / 0 | 0 / 1 / 0 |")
                && !report.contains("| ssf {steps=10} | scores |"), "tampering has its own table: " + report);
        assertTrue(Files.readString(out.resolve("results.json")).contains("\"schemes\""));
        assertEquals(schemes.stream().mapToLong(r -> r.similarities().size()).sum() + 1,
                Files.readString(out.resolve("scheme-similarities.csv")).lines().filter(l -> !l.endsWith(",")).count());
    }
}
