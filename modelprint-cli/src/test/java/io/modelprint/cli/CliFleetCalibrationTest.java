package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.ProgressListener;
import io.modelprint.data.DatasetSource;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.gradient.GradientCheck;
import io.modelprint.io.Sha256;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.FleetChosenSeeds;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** extract --fleet and calibrate --fleet on a tiny on-disk fleet: calibrated from held-out references, verdicts by p-value. */
class CliFleetCalibrationTest {
    @TempDir
    static Path dir;

    static Path data;
    static Path target;
    static Path fleet;

    @BeforeAll
    static void buildFleet() throws IOException {
        data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 600, 200, 28);
        target = TinyFleet.train("mlp", 1, dir.resolve("target"));
        fleet = TinyFleet.build(target, dir.resolve("fleet"));
    }

    private static CliRunner.Result run(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        return r;
    }

    @Test
    void extractWithAFleetWritesACalibratedFingerprintWhoseVerdictIsAPValue() {
        Path fp = dir.resolve("random.npz");
        JsonNode extracted = run("extract", "--model", target.toString(), "--method", "random", "--init", "random", "--n", "40", "--data",
                data.toString(), "--fleet", fleet.toString(), "--out", fp.toString(), "--format", "json").json();
        JsonNode calibration = extracted.get("calibration");
        assertEquals(TinyFleet.SAME_RECIPE + TinyFleet.OTHER_ARCH, calibration.get("negatives").asInt(),
                "a scheme the fleet does not choose for is calibrated with every reference: " + extracted);
        assertEquals(TinyFleet.SAME_RECIPE, calibration.get("kinds").get("same-recipe").asInt());
        assertEquals(TinyFleet.OTHER_ARCH, calibration.get("kinds").get("other-arch").asInt());
        JsonNode results = run("verify", "--fingerprint", fp.toString(), "--format", "json", target.toString(),
                fleet.resolve("ref-mlp-s100").toString()).json().get("results");
        assertEquals("p-value", results.get(0).get("decidedBy").asText(), results.toString());
        assertEquals("derived", results.get(0).get("verdict").asText(), results.toString());
        assertTrue(results.get(0).get("pValue").asDouble() <= 0.01, results.toString());
        assertEquals("independent", results.get(1).get("verdict").asText(), "a reference is like a reference: " + results);
        assertEquals("p-value", results.get(1).get("decidedBy").asText());
    }

    @Test
    void metavLearnsItsVerifierFromTheSelectionPartAndIsCalibratedOnTheReferencesItNeverSaw() {
        Path fp = dir.resolve("metav.npz");
        JsonNode extracted = run("extract", "--model", target.toString(), "--method", "metav", "--n", "20", "--param", "pool=60",
                "--data", data.toString(), "--fleet", fleet.toString(), "--out", fp.toString(), "--format", "json").json();
        FleetSplit split = FleetSplit.crossFit(FleetDirectory.open(fleet), 0);
        assertEquals(split.calibrationReferences().size(), extracted.get("calibration").get("negatives").asInt(), extracted.toString());
        Fingerprint written = FingerprintFile.read(fp);
        assertEquals(20, written.meta().selection().verifier().weights().length);
        assertTrue(split.calibrationReferences().stream().noneMatch(m -> written.meta().selection().choseWith(m.sha256())));
        String heldOut = split.calibrationReferences().get(0).name();
        JsonNode results = run("verify", "--fingerprint", fp.toString(), "--format", "json", target.toString(),
                fleet.resolve(heldOut).toString()).json().get("results");
        assertEquals("derived", results.get(0).get("verdict").asText(), results.toString());
        assertEquals("p-value", results.get(0).get("decidedBy").asText(), results.toString());
        assertEquals("independent", results.get(1).get("verdict").asText(), results.toString());
    }

    @Test
    void calibrateTakesTheFleetsReferencesForEveryMemberOfABundle() {
        Path bundle = dir.resolve("bundle.npz");
        run("extract", "--model", target.toString(), "--method", "random,akh", "--init", "random", "--n", "30", "--data", data.toString(), "--out",
                bundle.toString());
        JsonNode members = run("calibrate", "--fingerprint", bundle.toString(), "--fleet", fleet.toString(), "--format", "json")
                .json().get("members");
        assertEquals(2, members.size());
        for (JsonNode member : members) {
            assertEquals(TinyFleet.SAME_RECIPE + TinyFleet.OTHER_ARCH, member.get("negatives").asInt(), member.toString());
        }
        JsonNode row = run("verify", "--fingerprint", bundle.toString(), "--format", "json", target.toString()).json()
                .get("results").get(0);
        assertEquals("bonferroni", row.get("combination").asText(), row.toString());
    }

    @Test
    void negativesOfAPipelineTheFleetLacksJoinItsReferencesAsAKindOfTheirOwn() {
        Path fp = dir.resolve("with-outsiders.npz");
        run("extract", "--model", target.toString(), "--method", "random", "--init", "random", "--n", "40", "--data", data.toString(),
                "--out", fp.toString());
        Path first = TinyFleet.train("lenet5", 901, dir.resolve("outsider-a"));
        Path second = TinyFleet.train("lenet5", 902, dir.resolve("outsider-b"));
        JsonNode doc = run("calibrate", "--fingerprint", fp.toString(), "--fleet", fleet.toString(), "--negatives", first.toString(),
                second.toString(), "--negatives-kind", "other-pipeline", "--format", "json").json();
        assertEquals(TinyFleet.SAME_RECIPE + TinyFleet.OTHER_ARCH + 2, doc.get("negatives").asInt(), doc.toString());
        assertEquals(2, doc.get("kinds").get("other-pipeline").asInt(), doc.toString());
        assertEquals(TinyFleet.SAME_RECIPE, doc.get("kinds").get("same-recipe").asInt(), doc.toString());
        CliRunner.Result badName = CliRunner.run("calibrate", "--fingerprint", fp.toString(), "--negatives", first.toString(),
                second.toString(), "--negatives-kind", "Other Pipeline");
        assertEquals(ExitCode.BAD_INPUT, badName.exitCode(), badName.err());
        assertTrue(badName.err().contains("--negatives-kind") && badName.err().contains("'Other Pipeline'"), badName.err());
        CliRunner.Result alone = CliRunner.run("calibrate", "--fingerprint", fp.toString(), "--fleet", fleet.toString(),
                "--negatives-kind", "pytorch-cnn");
        assertEquals(ExitCode.BAD_INPUT, alone.exitCode(), alone.err());
        assertTrue(alone.err().contains("none were given"), alone.err());
    }

    /** A fingerprint the fleet chose queries for, made in-process with a fleet-selected test generator. */
    private static Path fleetChosenFingerprint(FleetSplit split) {
        Path file = dir.resolve("chosen.npz");
        try (DjlClassifier model = ModelLoader.load(target, null)) {
            Fingerprint fingerprint = FingerprintExtractor.extract(model, target.toString(), FleetChosenSeeds.scheme(40),
                    SeedSource.fromData(DatasetSource.of("fashion-mnist", data).train()), 0, split, ProgressListener.NONE,
                    new GradientCheck()).fingerprint();
            FingerprintFile.write(file, fingerprint);
        }
        return file;
    }

    @Test
    void calibrateLeavesOutTheReferencesThatChoseTheQueriesAndRefusesThemByName() throws IOException {
        FleetDirectory opened = FleetDirectory.open(fleet);
        FleetSplit split = FleetSplit.crossFit(opened, 0);
        Path fp = fleetChosenFingerprint(split);
        CliRunner.Result calibrated = run("calibrate", "--fingerprint", fp.toString(), "--fleet", fleet.toString(), "--format",
                "json");
        assertEquals(split.calibrationReferences().size(), calibrated.json().get("negatives").asInt(), calibrated.out());
        assertTrue(calibrated.err().contains(split.selectionReferences().size() + " of the fleet's "
                + (TinyFleet.SAME_RECIPE + TinyFleet.OTHER_ARCH) + " references helped choose"),
                calibrated.err());
        FleetMember chooser = split.selectionReferences().get(0);
        CliRunner.Result refused = CliRunner.run("calibrate", "--fingerprint", fp.toString(), "--negatives",
                fleet.resolve(chooser.name()).toString(), fleet.resolve(split.calibrationReferences().get(0).name()).toString());
        assertEquals(ExitCode.BAD_INPUT, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains(chooser.name()) && refused.err().contains("helped choose the fingerprint's queries"),
                refused.err());
        Path edited = TinyFleet.edited(fleet, fleet.resolve("target"), dir.resolve("edited-fleet"));
        CliRunner.Result editedRefused = CliRunner.run("calibrate", "--fingerprint", fp.toString(), "--fleet", edited.toString());
        assertEquals(ExitCode.BAD_INPUT, editedRefused.exitCode(), editedRefused.err());
        assertTrue(editedRefused.err().contains("edited after a fingerprint was made from it"), editedRefused.err());
        JsonNode results = run("verify", "--fingerprint", fp.toString(), "--format", "json", target.toString()).json().get("results");
        assertEquals("p-value", results.get(0).get("decidedBy").asText(), results.toString());
    }

    @Test
    void aFleetOfAnotherTargetOrWithAMemberChangedSinceItWasBuiltIsRefused() throws IOException {
        Path other = TinyFleet.train("mlp", 7, dir.resolve("other-target"));
        Path out = dir.resolve("other.npz");
        CliRunner.Result extract = CliRunner.run("extract", "--model", other.toString(), "--method", "random", "--n", "10",
                "--fleet", fleet.toString(), "--dataset", "fashion-mnist", "--data", data.toString(), "--out", out.toString());
        assertEquals(ExitCode.BAD_INPUT, extract.exitCode(), extract.err());
        assertTrue(extract.err().contains("was built for another target") && extract.err().contains(other.toString()), extract.err());
        assertTrue(!Files.exists(out), "nothing is written for a refused fleet");
        run("extract", "--model", other.toString(), "--method", "random", "--n", "10", "--dataset", "fashion-mnist", "--data",
                data.toString(), "--out", out.toString());
        byte[] uncalibrated = Files.readAllBytes(out);
        CliRunner.Result calibrate = CliRunner.run("calibrate", "--fingerprint", out.toString(), "--fleet", fleet.toString());
        assertEquals(ExitCode.BAD_INPUT, calibrate.exitCode(), calibrate.err());
        assertTrue(calibrate.err().contains("was built for another target"), calibrate.err());
        assertArrayEquals(uncalibrated, Files.readAllBytes(out), "the fingerprint is left as it was");

        // a selection reference's files replaced by another member's: the manifest is unchanged, the member is not
        FleetSplit split = FleetSplit.crossFit(FleetDirectory.open(fleet), 0);
        Path fp = fleetChosenFingerprint(split);
        Path swapped = dir.resolve("swapped-fleet");
        TinyFleet.copyTree(fleet, swapped);
        FleetMember chooser = split.selectionReferences().get(0);
        FleetMember heldOut = split.calibrationReferences().get(0);
        try (var files = Files.list(swapped.resolve(chooser.name()))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(swapped.resolve(chooser.name()));
        TinyFleet.copyTree(fleet.resolve(heldOut.name()), swapped.resolve(chooser.name()));
        CliRunner.Result changed = CliRunner.run("calibrate", "--fingerprint", fp.toString(), "--fleet", swapped.toString());
        assertEquals(ExitCode.BAD_INPUT, changed.exitCode(), changed.err());
        assertTrue(changed.err().contains(chooser.name() + "'s weights are not the ones its manifest recorded"), changed.err());
        CliRunner.Result listed = run("fleet", "list", swapped.toString());
        assertTrue(listed.out().lines().anyMatch(l -> l.startsWith(chooser.name() + " ") && l.endsWith("  changed")), listed.out());
        assertEquals(1, listed.out().lines().filter(l -> l.endsWith("  changed")).count(), listed.out());
        assertTrue(listed.err().contains("1 of " + (TinyFleet.SURROGATES + TinyFleet.SAME_RECIPE + TinyFleet.OTHER_ARCH)
                + " members are not the models the manifest recorded"), listed.err());
        assertTrue(run("fleet", "list", fleet.toString()).out().lines().filter(l -> l.endsWith("  as built")).count()
                == TinyFleet.SURROGATES + TinyFleet.SAME_RECIPE + TinyFleet.OTHER_ARCH, "the fleet as built lists every member so");
    }

    @Test
    void aFleetWhoseManifestListsTheSameMembersInAnotherOrderIsTheSameFleet() throws IOException {
        FleetSplit split = FleetSplit.crossFit(FleetDirectory.open(fleet), 0);
        Path fp = fleetChosenFingerprint(split);
        Path reordered = dir.resolve("reordered-fleet");
        TinyFleet.copyTree(fleet, reordered);
        ZooManifest manifest = ZooManifest.read(fleet).orElseThrow();
        List<ZooEntry> reversed = new ArrayList<>(manifest.entries());
        Collections.reverse(reversed);
        new ZooManifest(manifest.formatVersion(), manifest.preset(), manifest.seed(), manifest.dataset(), manifest.notes(), reversed,
                null).write(reordered);
        assertEquals(FleetDirectory.open(fleet).sha256(), FleetDirectory.open(reordered).sha256());
        StringBuilder inManifestOrder = new StringBuilder(); // what fingerprints recorded before the order stopped counting
        FleetDirectory.open(fleet).members().forEach(m -> inManifestOrder.append(m.name()).append('\t').append(m.role().json())
                .append('\t').append(m.kind()).append('\t').append(m.sha256()).append('\n'));
        String recordedEarlier = Sha256.hex(inManifestOrder.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(FleetDirectory.open(fleet).hashesTo(recordedEarlier) && !FleetDirectory.open(reordered).hashesTo(recordedEarlier));
        CliRunner.Result calibrated = run("calibrate", "--fingerprint", fp.toString(), "--fleet", reordered.toString(), "--format",
                "json");
        assertEquals(split.calibrationReferences().size(), calibrated.json().get("negatives").asInt(), calibrated.out());
    }
}
