package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.ModelStore;
import io.modelprint.fleet.FleetRole;
import io.modelprint.io.Sha256;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.testing.InMemoryFleet;
import io.modelprint.testing.LinearModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fleet must not hold the suspects that evaluate it, nor cover every recipe of a family of them. */
class FleetDisjointnessTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 4, 4);

    @TempDir
    Path dir;

    private static ZooEntry entry(String name, SuspectGroup group, String kind, String sha, Object... parameters) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            p.put((String) parameters[i], parameters[i + 1]);
        }
        return new ZooEntry(name, group, kind, group == SuspectGroup.EXTRACTION ? "target" : null, p, 0.9, name, sha, 1, true);
    }

    private static ZooEntry label(String name, String student, long seed) {
        return entry(name, SuspectGroup.EXTRACTION, "DISTILL-LABEL", Sha256.hex(name.getBytes(StandardCharsets.UTF_8)), "access",
                "labels", "budget", 20000, "student", student, "seed", seed);
    }

    private static ZooEntry twin(String name, long seed) {
        return entry(name, SuspectGroup.NEGATIVE, "VGG", Sha256.hex(name.getBytes(StandardCharsets.UTF_8)), "arch", "vgg", "data",
                "full", "recipe", "target", "seed", seed);
    }

    /** Label students of LeNet-5 and the MLP, a same-recipe negative and a PyTorch one. */
    private static ZooManifest zoo(ZooEntry... extra) {
        List<ZooEntry> entries = new java.util.ArrayList<>(List.of(
                entry("target", SuspectGroup.TARGET, "TARGET", "a".repeat(64), "arch", "vgg"),
                label("distill-label-lenet5", "lenet5", 21), label("distill-label-mlp", "mlp", 21), twin("neg-same-recipe-vgg-s600", 600),
                entry("neg-pytorch-cnn-s700", SuspectGroup.NEGATIVE, "PYTORCH-CNN", "c".repeat(64), "pipeline", "pytorch", "arch",
                        "cnn", "seed", 700L)));
        entries.addAll(List.of(extra));
        return new ZooManifest(1, "quick", 0, "bands", Map.of(), entries, null);
    }

    private static InMemoryFleet fleet() {
        return new InMemoryFleet(SPEC, 3);
    }

    private static InMemoryFleet add(InMemoryFleet fleet, String name, FleetRole role, ZooEntry recipeOf) {
        return fleet.add(name, role, FleetDisjointness.recipe(recipeOf), () -> new LinearModel(SPEC, 3, 1));
    }

    @Test
    void aFleetOfOtherSeedsWithRecipesTheSuspectsGoBeyondIsAccepted() {
        InMemoryFleet fleet = add(add(fleet(), "s-label-lenet5", FleetRole.SURROGATE, label("x", "lenet5", 77)), "r-twin",
                FleetRole.REFERENCE, twin("y", 800));
        Map<String, Integer> unseen = FleetDisjointness.check(zoo(), fleet);
        assertEquals(Map.of("label extraction", 1, "negative", 1), unseen, "the MLP student and the PyTorch negative are new to it");
    }

    @Test
    void aFleetMemberWithASuspectsWeightsIsRefused() {
        InMemoryFleet fleet = add(fleet(), "stolen", FleetRole.REFERENCE, twin("y", 800));
        ZooEntry same = entry("neg-copy", SuspectGroup.NEGATIVE, "VGG", Sha256.hex("stolen".getBytes(StandardCharsets.UTF_8)), "arch",
                "vgg", "data", "subset", "seed", 100L);
        InputException refused = assertThrows(InputException.class, () -> FleetDisjointness.check(zoo(same), fleet));
        assertTrue(refused.getMessage().contains("member stolen has the weights of suspect neg-copy"), refused.getMessage());
    }

    @Test
    void aFamilyWhoseEveryRecipeTheFleetSawIsRefused() {
        InMemoryFleet fleet = add(add(fleet(), "s-lenet5", FleetRole.SURROGATE, label("x", "lenet5", 77)), "s-mlp", FleetRole.SURROGATE,
                label("y", "mlp", 78));
        InputException refused = assertThrows(InputException.class, () -> FleetDisjointness.check(zoo(), fleet));
        assertTrue(refused.getMessage().contains("every suspect of family 'label extraction' (distill-label-lenet5, distill-label-mlp)"),
                refused.getMessage());
        // another budget is another recipe: a student made so brings the family back
        ZooEntry halfBudget = entry("distill-label-lenet5-q10000-s500", SuspectGroup.EXTRACTION, "DISTILL-LABEL", "d".repeat(64),
                "access", "labels", "budget", 10000, "student", "lenet5", "seed", 500L);
        assertEquals(1, FleetDisjointness.check(zoo(halfBudget), fleet).get("label extraction"));
    }

    @Test
    void aFleetDirectoryIsReadFromItsManifestAndASuspectsRecipeOnItsSeedIsRefused() {
        Path fleetDir = dir.resolve("fleet");
        writeModel(fleetDir.resolve("target"), "target weights");
        ZooEntry sameSeed = label("s-mlp", "mlp", 21);
        writeModel(fleetDir.resolve("s-mlp"), "another training run");
        ZooEntry member = new ZooEntry("s-mlp", SuspectGroup.SURROGATE, "DISTILL-LABEL", "target",
                withKind(sameSeed.parameters()), 0.9, "s-mlp", Sha256.ofFile(fleetDir.resolve("s-mlp").resolve("w.bin")), 1, true);
        new ZooManifest(1, "fleet", 0, "bands", Map.of(), List.of(member), null).write(fleetDir);
        FleetDirectory fleet = FleetDirectory.open(fleetDir);
        assertEquals("label-student", fleet.members().get(0).kind(), "the member's kind is what the fleet says");
        InputException refused = assertThrows(InputException.class, () -> FleetDisjointness.check(zoo(), fleet));
        assertTrue(refused.getMessage().contains("member s-mlp is suspect distill-label-mlp's recipe on the same seed 21"),
                refused.getMessage());
    }

    private static Map<String, Object> withKind(Map<String, Object> parameters) {
        Map<String, Object> p = new LinkedHashMap<>(parameters);
        p.put(FleetDirectory.KIND, "label-student");
        return p;
    }

    private static void writeModel(Path modelDir, String weights) {
        ModelProvenance provenance = new ModelProvenance(ModelProvenance.FORMAT_VERSION, "lenet5", SPEC, 3, "bands", 10, 0, 1, 1, "adam",
                1e-3, 0.9, 1, null, null, null, Map.of());
        ModelStore.save(tmp -> {
            Files.writeString(tmp.resolve("w.bin"), weights);
            return "w.bin";
        }, provenance, modelDir);
    }
}
