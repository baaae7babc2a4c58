package io.modelprint.lab.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.fleet.FleetRole;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.lab.zoo.Preset;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.SuspectPlan;
import io.modelprint.testing.InMemoryFleet;
import io.modelprint.testing.SyntheticData;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a fleet preset promises, checked on its plan (nothing is trained here). */
class FleetPlanTest {
    /** A quick-zoo-like target: a VGG trained 2 epochs, batch 64, lr 5e-4 (its recipe, as its provenance records it). */
    static final ModelProvenance TARGET = new ModelProvenance(1, "vgg", null, 10, "fashion-mnist-train", 60000, 1, 2, 64, "adam", 5e-4,
            0.89, 90, "model-0000.params", "ab".repeat(32), null, null);

    private static List<SuspectPlan> plan(String preset, long seed) {
        return FleetPreset.of(preset).plan(Architecture.VGG, SyntheticData.bands(10, 10, 10, 10, 0), seed, TARGET);
    }

    private static Map<String, Long> kinds(List<SuspectPlan> plans, SuspectGroup group) {
        return plans.stream().filter(p -> p.group() == group)
                .collect(Collectors.groupingBy(p -> p.parameters().get(FleetDirectory.KIND).toString(), Collectors.counting()));
    }

    @Test
    void theQuickFleetHasEveryKindAndEnoughReferencesToCalibrateDownToOnePercent() {
        List<SuspectPlan> quick = plan("quick", 0);
        assertEquals(Map.of(FleetKind.SAME_RECIPE, 3L, FleetKind.OTHER_ARCH, 4L, FleetKind.SUBSET, 5L), kinds(quick, SuspectGroup.REFERENCE));
        assertEquals(Map.of(FleetKind.LABEL_STUDENT, 2L, FleetKind.PROB_STUDENT, 1L, FleetKind.ADVERSARIAL_STUDENT, 2L,
                FleetKind.OTHER_DATA_STUDENT, 1L, FleetKind.FINE_TUNED, 1L), kinds(quick, SuspectGroup.SURROGATE));
        assertEquals(quick.size(), quick.stream().map(SuspectPlan::name).distinct().count(), "names are unique");

        // cross-fitting holds out two thirds of every reference kind: at least 8 calibrate, as p down to 0.01 needs
        InMemoryFleet fleet = new InMemoryFleet(null, 10);
        for (SuspectPlan p : quick) {
            FleetRole role = p.group() == SuspectGroup.SURROGATE ? FleetRole.SURROGATE : FleetRole.REFERENCE;
            fleet.add(p.name(), role, p.parameters().get(FleetDirectory.KIND).toString(), () -> null); // never opened
        }
        FleetSplit split = FleetSplit.crossFit(fleet, 1);
        assertTrue(split.calibrationReferences().size() >= 8, split.calibrationReferences().toString());
        assertTrue(split.surrogates().size() >= 6);

        List<SuspectPlan> paper = plan("paper", 0);
        assertTrue(kinds(paper, SuspectGroup.REFERENCE).values().stream().allMatch(n -> n >= 8), kinds(paper, SuspectGroup.REFERENCE).toString());
        assertEquals(14, paper.stream().filter(p -> p.group() == SuspectGroup.SURROGATE).count(), "two seeds of every surrogate");
        assertThrows(InputException.class, () -> FleetPreset.of("huge"));
    }

    @Test
    void referencesFollowTheTargetsRecipeAndSurrogatesTheZoosAttacks() {
        List<SuspectPlan> quick = plan("quick", 0);
        for (SuspectPlan same : quick.stream().filter(p -> FleetKind.SAME_RECIPE.equals(p.parameters().get(FleetDirectory.KIND))).toList()) {
            assertEquals("vgg", same.parameters().get("arch"));
            assertEquals(2, same.parameters().get("epochs"));
            assertEquals(64, same.parameters().get("batchSize"));
            assertEquals(5e-4f, same.parameters().get("lr"));
            assertEquals("full", same.parameters().get("data"));
        }
        List<SuspectPlan> otherArch = quick.stream().filter(p -> FleetKind.OTHER_ARCH.equals(p.parameters().get(FleetDirectory.KIND))).toList();
        assertEquals(Set.of("lenet5", "mlp"), otherArch.stream().map(p -> p.parameters().get("arch")).collect(Collectors.toSet()));
        for (SuspectPlan p : otherArch) {
            assertEquals(0.885, p.parameters().get("untilAccuracy"), "the target's 0.89 less half a point: " + p.parameters());
            assertEquals(FleetPreset.of("quick").otherArchMaxEpochs(), p.parameters().get("maxEpochs"));
            assertEquals("full", p.parameters().get("data"));
        }
        ModelProvenance unknown = new ModelProvenance(1, "vgg", null, 10, "d", 60000, 1, 2, 64, "adam", 5e-4, Double.NaN, 90,
                "model-0000.params", "ab".repeat(32), null, null);
        assertTrue(FleetPlan.accuracyGoal(unknown) > 1, "a target of unknown accuracy: other-arch references train to the cap");
        assertTrue(FleetPreset.of("quick").plan(Architecture.VGG, SyntheticData.bands(10, 10, 10, 10, 0), 0, unknown).stream()
                .noneMatch(p -> p.parameters().containsKey("untilAccuracy")), "no goal is recorded where there is none");
        List<SuspectPlan> adversarial = quick.stream().filter(p -> p.kind().equals("DISTILL-ADV")).toList();
        assertEquals(List.of(4f / 256, 0.1f), adversarial.stream().map(p -> p.parameters().get("epsilon")).toList());
        for (SuspectPlan p : adversarial) {
            SuspectPlan parent = quick.stream().filter(q -> q.name().equals(p.parent())).findFirst().orElseThrow();
            assertEquals(FleetKind.LABEL_STUDENT, parent.parameters().get(FleetDirectory.KIND));
            assertTrue(quick.indexOf(parent) < quick.indexOf(p), "the label student is built first");
        }
        SuspectPlan cutmix = quick.stream().filter(p -> p.kind().equals("DISTILL-OTHER")).findFirst().orElseThrow();
        assertEquals("cutmix", cutmix.parameters().get("queries"));
        assertTrue(quick.stream().filter(p -> p.group() == SuspectGroup.SURROGATE).allMatch(p -> p.parent() != null),
                "every surrogate is made from the target or from a student of it");
        assertTrue(quick.stream().filter(p -> p.group() == SuspectGroup.REFERENCE).allMatch(p -> p.parent() == null));
        assertEquals(plan("quick", 0).stream().map(SuspectPlan::parameters).toList(), quick.stream().map(SuspectPlan::parameters).toList(),
                "the same preset and seed plan the same fleet");
    }

    @Test
    void fleetSeedsAreDisjointFromTheZoosForTheSameSeed() {
        for (long seed : new long[] {0, 5}) {
            Set<Object> zooSeeds = new HashSet<>();
            for (String preset : List.of("quick", "paper")) {
                Preset.of(preset).plan(Architecture.VGG, 10, seed, true).forEach(p -> zooSeeds.add(p.parameters().get("seed")));
            }
            zooSeeds.remove(null);
            zooSeeds.add(seed + 1); // the zoo's target
            for (String preset : List.of("quick", "paper")) {
                List<Object> fleetSeeds = plan(preset, seed).stream().map(p -> p.parameters().get("seed")).toList();
                assertTrue(fleetSeeds.stream().allMatch(s -> s instanceof Long), "every member records its seed");
                for (Object s : fleetSeeds) {
                    assertTrue(!zooSeeds.contains(s), preset + " fleet seed " + s + " is a zoo seed too");
                }
                assertTrue(fleetSeeds.stream().allMatch(s -> (Long) s >= seed + FleetPlan.SEED_OFFSET));
            }
            assertTrue(zooSeeds.stream().allMatch(s -> ((Number) s).longValue() < seed + FleetPlan.SEED_OFFSET), zooSeeds.toString());
        }
    }
}
