package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.RandomForestClassifier;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fleet list on a fleet laid out as fleet build leaves it, and fleet build's refusals (nothing is trained here). */
class CliFleetTest {
    @TempDir
    Path dir;

    private Path forest() {
        ImageDataset train = SyntheticData.bands(60, 2, 4, 4, 1);
        Path rf = dir.resolve("forest");
        RandomForestClassifier.train(train, 3, 1).save(new ModelProvenance(1, RandomForestClassifier.ARCH, train.spec(), 2, "bands", 60, 1,
                0, 0, "rf", 0, 0.75, 1, null, null, null, null), rf);
        return rf;
    }

    private static ZooEntry entry(String name, SuspectGroup group, String kind, double accuracy, double seconds) {
        Map<String, Object> parameters = kind == null ? Map.of() : Map.of(FleetDirectory.KIND, kind);
        return new ZooEntry(name, group, "X", null, parameters, accuracy, name, "cd".repeat(32), seconds, true);
    }

    @Test
    void fleetListPrintsEveryMemberWithItsRoleKindAndAccuracy() throws IOException {
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        Path target = forest(); // list reads the manifest and checks the target; it opens no member
        Files.move(target, fleet.resolve("target"));
        new ZooManifest(1, "fleet-quick", 0, "bands", Map.of(), List.of(entry("target", SuspectGroup.TARGET, null, 0.75, 0),
                entry("same-recipe-vgg-s7001", SuspectGroup.REFERENCE, "same-recipe", 0.8812, 60),
                entry("subset-lenet5-s7201", SuspectGroup.REFERENCE, "subset", 0.7, 6),
                entry("label-student-vgg-s7301", SuspectGroup.SURROGATE, "label-student", 0.85, 54),
                entry("adversarial-student-eps4-256-lenet5-s7302", SuspectGroup.SURROGATE, "adversarial-student", 0.8, 15)), null)
                .write(fleet);

        CliRunner.Result list = CliRunner.run("fleet", "list", fleet.toString());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("fleet-quick, seed 0") && list.out().contains("2 references, 2 surrogates; built in 2.3 min"),
                list.out());
        assertTrue(list.out().matches("(?s).*same-recipe-vgg-s7001 +reference +same-recipe +0\\.8812 +60\\.0.*"), list.out());
        assertTrue(list.out().matches("(?s).*label-student-vgg-s7301 +surrogate +label-student +0\\.8500.*"), list.out());
        List<String> lines = list.out().lines().toList();
        int roleColumn = lines.stream().filter(l -> l.startsWith("name ")).findFirst().orElseThrow().indexOf(" role") + 1;
        List<String> rows = lines.stream().filter(l -> l.contains(" reference ") || l.contains(" surrogate ")).toList();
        assertEquals(4, rows.size(), list.out());
        assertTrue(rows.stream().allMatch(row -> row.endsWith("  missing")), "no member's directory was made here:\n" + list.out());
        assertTrue(list.err().contains("4 of 4 members are not the models the manifest recorded"), list.err());
        rows.forEach(row -> assertTrue(row.charAt(roleColumn - 1) == ' ' && row.charAt(roleColumn) != ' ',
                "columns line up:\n" + list.out()));

        JsonNode json = CliRunner.run("fleet", "list", fleet.toString(), "--format", "json").json();
        assertEquals(4, json.get("members").size());
        assertEquals("reference", json.get("members").get(1).get("role").asText());
        assertEquals("subset", json.get("members").get(1).get("kind").asText());
        assertEquals(135.0, json.get("buildSeconds").asDouble(), 1e-9);
        assertEquals(64, json.get("sha256").asText().length());
    }

    @Test
    void badFleetArgumentsAreRefusedClearly() throws IOException {
        String out = dir.resolve("f").toString();
        Path forest = forest();
        CliRunner.Result preset = CliRunner.run("fleet", "build", "--model", forest.toString(), "--out", out, "--preset", "huge");
        assertEquals(ExitCode.BAD_INPUT, preset.exitCode());
        assertTrue(preset.err().contains("unknown fleet preset 'huge'"), preset.err());

        CliRunner.Result missing = CliRunner.run("fleet", "build", "--model", dir.resolve("none").toString(), "--out", out);
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("none: not a modelprint model directory"), missing.err());

        CliRunner.Result rf = CliRunner.run("fleet", "build", "--model", forest.toString(), "--out", out);
        assertEquals(ExitCode.BAD_INPUT, rf.exitCode());
        assertTrue(rf.err().contains("a random forest cannot be the target of a fleet"), rf.err());
        assertTrue(!Files.exists(dir.resolve("f")), "nothing is written for a refused target");
        CliRunner.Result rfTarget = CliRunner.run("extract", "--model", forest.toString(), "--method", "akh", "--out",
                dir.resolve("rf.npz").toString());
        assertEquals(ExitCode.BAD_INPUT, rfTarget.exitCode());
        assertTrue(rfTarget.err().contains(forest + ": a random forest answers labels only, so it can be a suspect but not"),
                rfTarget.err());

        Path zoo = Files.createDirectories(dir.resolve("zoo"));
        new ZooManifest(1, "quick", 0, "bands", Map.of(), List.of(entry("neg-vgg-s100", SuspectGroup.NEGATIVE, null, 0.8, 1)), null)
                .write(zoo);
        CliRunner.Result listZoo = CliRunner.run("fleet", "list", zoo.toString());
        assertEquals(ExitCode.BAD_INPUT, listZoo.exitCode());
        assertTrue(listZoo.err().contains("a fleet holds surrogates and references only (is it a suspect zoo?)"), listZoo.err());

        CliRunner.Result empty = CliRunner.run("fleet", "list", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, empty.exitCode());
        assertTrue(empty.err().contains(dir + ": no manifest.json"), empty.err());
    }
}
