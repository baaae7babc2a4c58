package io.modelprint.lab.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.engine.arch.Architecture;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The families the plan holds (issue 21): big enough to measure, hard negatives, negatives of another pipeline. */
class ZooPlanTest {
    private static final List<SuspectPlan> QUICK = Preset.of("quick").plan(Architecture.VGG, 10, 0, true);
    private static final List<SuspectPlan> PAPER = Preset.of("paper").plan(Architecture.VGG, 10, 0, true);

    private static Map<String, Long> familySizes(List<SuspectPlan> plan) {
        return plan.stream().filter(p -> p.group() != SuspectGroup.TARGET)
                .collect(Collectors.groupingBy(p -> SuspectFamily.of(entry(p)), TreeMap::new, Collectors.counting()));
    }

    static ZooEntry entry(SuspectPlan p) {
        return new ZooEntry(p.name(), p.group(), p.kind(), p.parent(), p.parameters(), 0.9, p.name(), "0".repeat(64), 1, true);
    }

    @Test
    void everyExtractionFamilyHasAtLeastFiveStudentsInQuickAndMoreInPaper() {
        Map<String, Long> quick = familySizes(QUICK);
        Map<String, Long> paper = familySizes(PAPER);
        for (String family : List.of("label extraction", SuspectFamily.ADVERSARIAL_SMALL, SuspectFamily.ADVERSARIAL_LARGE,
                "extraction from other data")) {
            assertTrue(quick.getOrDefault(family, 0L) >= 5, family + " in quick: " + quick);
            assertTrue(paper.getOrDefault(family, 0L) > quick.get(family), family + " in paper: " + paper);
        }
        // students vary: architectures, seeds and recipes (budget, access, PGD radius)
        Set<Object> labelArchs = new HashSet<>();
        Set<Object> labelSeeds = new HashSet<>();
        Set<Object> labelBudgets = new HashSet<>();
        for (SuspectPlan p : QUICK) {
            if (p.kind().equals("DISTILL-LABEL")) {
                labelArchs.add(p.parameters().get("student"));
                labelSeeds.add(p.parameters().get("seed"));
                labelBudgets.add(p.parameters().get("budget"));
            }
        }
        assertEquals(Set.of("vgg", "lenet5", "mlp"), labelArchs);
        assertTrue(labelSeeds.size() >= 4 && labelBudgets.size() == 2, labelSeeds + " " + labelBudgets);
        SuspectPlan small = QUICK.stream().filter(p -> p.name().equals("distill-adv-4of256-mlp")).findFirst().orElseThrow();
        assertEquals(4f / 256, small.parameters().get("epsilon"));
        assertEquals(1f / 256, small.parameters().get("step"));
        assertEquals("distill-label-mlp", small.parent());
        assertEquals(Set.of("probabilities", "labels"), QUICK.stream().filter(p -> p.kind().equals("DISTILL-OTHER"))
                .map(p -> p.parameters().get("access")).collect(Collectors.toSet()));
    }

    @Test
    void everyStudentComesAfterItsParentAndNamesAreUnique() {
        for (List<SuspectPlan> plan : List.of(QUICK, PAPER, Preset.of("quick").plan(Architecture.LENET5, 10, 3, true),
                Preset.of("paper").plan(Architecture.MLP, 10, 0, true))) {
            Set<String> before = new HashSet<>();
            for (SuspectPlan p : plan) {
                assertTrue(p.parent() == null || before.contains(p.parent()), p.name() + " before its parent " + p.parent());
                assertTrue(before.add(p.name()), "one name per model: " + p.name());
            }
        }
    }

    @Test
    void theHardNegativesAreTheTargetsOwnRecipeOnOtherSeeds() {
        SuspectPlan target = QUICK.get(0);
        List<SuspectPlan> twins = QUICK.stream()
                .filter(p -> SuspectFamily.NEGATIVE_SAME_RECIPE.equals(SuspectFamily.negativeKind(entry(p)))).toList();
        assertEquals(3, twins.size());
        Set<Object> seeds = new HashSet<>();
        for (SuspectPlan twin : twins) {
            assertEquals("VGG", twin.kind());
            assertEquals("vgg", twin.parameters().get("arch"));
            assertEquals("full", twin.parameters().get("data"));
            assertEquals(0, twin.parameters().get("images"));
            assertEquals(Preset.of("quick").targetEpochs(), twin.parameters().get("epochs"));
            assertTrue(seeds.add(twin.parameters().get("seed")));
            assertNotEquals(1L, twin.parameters().get("seed"), "the target's seed is 1 for zoo seed 0");
        }
        assertEquals(Map.of("arch", "vgg"), target.parameters());
        assertEquals(5, PAPER.stream().filter(p -> "target".equals(p.parameters().get("recipe")))
                .filter(p -> p.parameters().get("epochs").equals(2)).count(), "paper: 5, at the paper target's 2 epochs");
        // today's weaker negatives are all still there
        assertTrue(QUICK.stream().filter(p -> SuspectFamily.NEGATIVE_SUBSET.equals(SuspectFamily.negativeKind(entry(p)))).count() >= 15);
    }

    @Test
    void negativesOfAnotherPipelineAreTrainedOnTheFullSplitWithTheirOwnSeeds() {
        List<SuspectPlan> pytorch = QUICK.stream()
                .filter(p -> SuspectFamily.NEGATIVE_OTHER_PIPELINE.equals(SuspectFamily.negativeKind(entry(p)))).toList();
        assertEquals(List.of("neg-pytorch-cnn-s700", "neg-pytorch-mlp-s701", "neg-pytorch-cnn-bn-s702"),
                pytorch.stream().map(SuspectPlan::name).toList());
        for (SuspectPlan p : pytorch) {
            assertEquals(SuspectGroup.NEGATIVE, p.group());
            assertEquals("pytorch", p.parameters().get("pipeline"));
            assertEquals("full", p.parameters().get("data"));
        }
        assertEquals(6, PAPER.stream().filter(p -> p.kind().startsWith("PYTORCH-")).count());
    }

    @Test
    void modelsOfEarlierZoosKeepTheirNamesSeedsAndParameters() {
        Map<String, SuspectPlan> byName = QUICK.stream().collect(Collectors.toMap(SuspectPlan::name, p -> p));
        // as the quick plan named them before the families grew (seed 0)
        assertEquals(Map.of("access", "labels", "budget", 20000, "noise", 0.1f, "student", "mlp", "epochs", 3, "seed", 21L),
                byName.get("distill-label-mlp").parameters());
        SuspectPlan adversarial = byName.get("distill-adv-lenet5");
        assertEquals(22L, adversarial.parameters().get("seed"));
        assertEquals(0.1f, adversarial.parameters().get("epsilon"));
        assertEquals(0.02f, adversarial.parameters().get("step"));
        assertEquals(SuspectFamily.ADVERSARIAL_LARGE, SuspectFamily.of(entry(adversarial)));
        assertEquals("cutmix", byName.get("distill-other-cutmix-lenet5").parameters().get("queries"));
        assertEquals(21L, byName.get("distill-other-uniform-lenet5").parameters().get("seed"));
        for (String name : List.of("neg-vgg-s100", "neg-vgg-s103", "neg-lenet5-s200", "neg-mlp-s203", "neg-rf-s302",
                "neg-task-vgg-s400", "distill-prob-vgg", "distill-label-vgg", "evasive-flip-0.1", "format-onnx")) {
            assertTrue(byName.containsKey(name), name);
        }
        assertEquals(100L, byName.get("neg-vgg-s100").parameters().get("seed"));
        assertEquals("subset", byName.get("neg-vgg-s100").parameters().get("data"));
        assertEquals(55 + 21, QUICK.size(), "55 models before issue 21; 15 students, 3 same-recipe and 3 PyTorch negatives since");
    }

    @Test
    void negativesAreOneFamilyForScoringAndFourKindsForReporting() {
        Map<String, Long> kinds = PAPER.stream().filter(p -> p.group() == SuspectGroup.NEGATIVE && p.parameters().get("task") == null)
                .collect(Collectors.groupingBy(p -> SuspectFamily.negativeKind(entry(p)), TreeMap::new, Collectors.counting()));
        // 50 VGG (2 on the full split), 10 LeNet-5 and 10 ResNet-20 (2 each on the full split), 10 forests, 5 twins, 6 PyTorch
        assertEquals(Map.of(SuspectFamily.NEGATIVE_SUBSET, 48L + 8 + 8 + 10, SuspectFamily.NEGATIVE_FULL_DATA, 6L,
                SuspectFamily.NEGATIVE_SAME_RECIPE, 5L, SuspectFamily.NEGATIVE_OTHER_PIPELINE, 6L), kinds);
        assertTrue(PAPER.stream().filter(p -> p.group() == SuspectGroup.NEGATIVE)
                .allMatch(p -> SuspectFamily.of(entry(p)).equals(SuspectFamily.NEGATIVE)));
        assertEquals(null, SuspectFamily.negativeKind(entry(QUICK.get(1))), "a positive is no negative");
    }
}
