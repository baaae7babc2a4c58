package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.lab.fleet.FleetPreset;
import io.modelprint.lab.report.VerdictSection;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooBuilder;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.testing.SyntheticData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibrated verdicts on a tiny zoo with a tiny fleet of the zoo's target: calibrated on the fleet, judged by p-value, cached. */
class VerdictEvaluationTest {
    /** One reference of each kind and every surrogate, tiny. */
    static final FleetPreset TINY_FLEET = new FleetPreset("tiny", 1, 1, 1, 1, 100, 1, 200, 1, 100, 200);

    @TempDir
    Path dir;

    @Test
    void everySuspectIsJudgedByItsPValueOnReferencesTheZooNeverHeld() {
        ImageDataset train = SyntheticData.bands(400, 4, 12, 12, 1);
        ImageDataset test = SyntheticData.bands(80, 4, 12, 12, 2);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Path zoo = dir.resolve("zoo");
        new ZooBuilder(EvaluationTest.TINY_ZOO, 1, zoo, quiet).build(train, test, Architecture.VGG, null, ProgressListener.NONE);
        Path fleetDir = dir.resolve("fleet");
        new ZooBuilder(TINY_FLEET, 1, fleetDir, quiet).build(train, test, null, zoo.resolve("target"), ProgressListener.NONE);
        FleetDirectory fleet = FleetDirectory.open(fleetDir);
        List<VerdictRun> runs = List.of(new VerdictRun("ipguard", 20, Map.of("k", 1), fleet.sha256()),
                new VerdictRun("fleet-llr", 20, Map.of("pool", 40), fleet.sha256()));
        Path out = dir.resolve("bench");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<VerdictResult> verdicts = new Evaluation(zoo, out, new PrintStream(log, true, StandardCharsets.UTF_8))
                .withFleet(FleetSplit.crossFit(fleet, 0)).verdicts(runs, 0.05, train, test, ProgressListener.NONE);

        VerdictResult ipguard = verdicts.get(0);
        assertNull(ipguard.error(), ipguard.error());
        assertEquals(fleet.references().size(), ipguard.references(), "a scheme the fleet did not choose: every reference calibrates");
        List<ZooEntry> suspects = ZooManifest.read(zoo).orElseThrow().entries().stream()
                .filter(e -> e.kept() && e.group() != SuspectGroup.TARGET).toList();
        double ftll = ipguard.pValues().get("ftll");
        for (ZooEntry negative : suspects.stream().filter(e -> e.group() == SuspectGroup.NEGATIVE && ipguard.pValues().containsKey(e.name()))
                .toList()) {
            assertTrue(ftll <= ipguard.pValues().get(negative.name()), "a fine-tuned copy is no less evident than " + negative.name());
        }
        assertTrue(ipguard.pValues().keySet().stream().noneMatch(name -> fleet.members().stream().anyMatch(m -> m.name().equals(name))),
                "no zoo suspect is a fleet member");
        // 4 references in one reference of each kind: too few for fleet-llr, which says so instead of guessing
        VerdictResult llr = verdicts.get(1);
        assertNotNull(llr.error());
        assertTrue(llr.error().contains("too small for fleet-llr"), llr.error());

        String section = VerdictSection.markdown(verdicts, suspects, "A tiny fleet.");
        assertTrue(section.contains("| ipguard | 20 |") && section.contains("FPR (all negatives)") && section.contains("fine-tuning"),
                section);
        assertTrue(section.contains("| fleet-llr | cannot fingerprint"), section);
        // 4 references support p-values down to 0.1 only: even a copy answering all 20 queries as the target cannot reach 0.05
        assertTrue(ipguard.reach().startsWith("no suspect can be called derived at p <= 0.05: p = 0.10 at 20 of 20 matches")
                && ipguard.reach().endsWith("(set by the number of references)"), ipguard.reach());
        assertTrue(section.contains("- ipguard: " + ipguard.reach()), section);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        List<VerdictResult> cached = new Evaluation(zoo, out, new PrintStream(again, true, StandardCharsets.UTF_8))
                .withFleet(FleetSplit.crossFit(fleet, 0)).verdicts(runs, 0.05, train, test, ProgressListener.NONE);
        assertEquals("", again.toString(StandardCharsets.UTF_8), "everything comes from the cache");
        assertEquals(verdicts, cached);
    }

    @Test
    void aFleetSelectedSchemeScoresSuspectsWithTheRatesItsFleetMeasured() {
        ImageDataset train = SyntheticData.bands(400, 4, 12, 12, 1);
        ImageDataset test = SyntheticData.bands(80, 4, 12, 12, 2);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Path zoo = dir.resolve("zoo");
        new ZooBuilder(EvaluationTest.TINY_ZOO, 1, zoo, quiet).build(train, test, Architecture.VGG, null, ProgressListener.NONE);
        Path fleetDir = dir.resolve("fleet");
        // 11 references: a third of each kind selects (2), the other 9 calibrate, fleet-llr's minimum of 8
        new ZooBuilder(new FleetPreset("tiny", 4, 1, 1, 5, 100, 1, 200, 1, 100, 200), 1, fleetDir, quiet)
                .build(train, test, null, zoo.resolve("target"), ProgressListener.NONE);
        FleetDirectory fleet = FleetDirectory.open(fleetDir);
        List<VerdictResult> verdicts = new Evaluation(zoo, dir.resolve("bench"), quiet).withFleet(FleetSplit.crossFit(fleet, 0))
                .verdicts(List.of(new VerdictRun("fleet-llr", 20, Map.of("pool", 40), fleet.sha256())), 0.05, train, test,
                        ProgressListener.NONE);
        VerdictResult llr = verdicts.get(0);
        assertNull(llr.error(), llr.error());
        assertTrue(llr.skipped().values().stream().noneMatch(why -> why.contains("only a fingerprint made with a fleet")),
                "the bench verifies with the fingerprint's own scheme, which carries the fleet's rates: " + llr.skipped());
        assertTrue(llr.pValues().containsKey("ftll") && llr.pValues().size() >= 10, llr.pValues().toString());
    }
}
