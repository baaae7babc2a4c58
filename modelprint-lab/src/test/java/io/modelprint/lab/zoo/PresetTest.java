package io.modelprint.lab.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.engine.arch.Architecture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Presets made with the builder, and the manifest's notes written from the values the plan uses. */
class PresetTest {
    @Test
    void theBuilderStartsFromQuickAndNeedsAName() {
        Preset quick = Preset.of("quick");
        Preset built = Preset.builder().setName("quick").build();
        assertEquals(names(quick.plan(Architecture.VGG, 10, 0, true)), names(built.plan(Architecture.VGG, 10, 0, true)));
        assertEquals(quick.notes(Architecture.VGG), built.notes(Architecture.VGG));
        assertEquals(50, Preset.of("paper").sameArchNegatives());
        assertThrows(IllegalStateException.class, () -> Preset.builder().build(), "no name");
        assertThrows(IllegalStateException.class, () -> Preset.builder().setName("x").optSweepStep(0).build());
        assertThrows(IllegalStateException.class, () -> Preset.builder().setName("x").optSweepStep(10).build(), "no WP step left");
    }

    @Test
    void theNotesNameTheStepsAndSchedulesThePlanTakes() {
        Preset preset = Preset.builder().setName("steps").optSweepStep(4).optRetrainImages(300).build();
        List<SuspectPlan> plan = preset.plan(Architecture.VGG, 10, 0, true);
        assertEquals(List.of("wp-0.4", "wp-0.8", "fp-4-16", "fp-8-16", "fp-12-16"), plan.stream()
                .filter(p -> p.kind().equals("WP") || p.kind().equals("FP")).map(SuspectPlan::name).toList());
        Map<String, Object> notes = preset.notes(Architecture.VGG);
        assertTrue(notes.get("pruning").toString().startsWith("WP p=0.4..0.8 and FP c=4/16..12/16, each retrained 1 epoch on 300"
                + " images (lr 1e-4); a sweep stops at the first model losing more than 3% test accuracy"), notes.get("pruning").toString());
        SuspectPlan ftll = plan.stream().filter(p -> p.name().equals("ftll")).findFirst().orElseThrow();
        assertEquals(3, ftll.parameters().get("epochs"));
        assertEquals(1e-3f, ftll.parameters().get("lr"));
        assertTrue(notes.get("fineTuning").toString().contains("3 epochs, lr 1e-3"), notes.get("fineTuning").toString());
        assertTrue(notes.get("finePruning").toString().contains("removed (80 %)"), "every fourth fifth: " + notes.get("finePruning"));
    }

    @Test
    void thePaperPresetsNotesAreTheManifestsOfEarlierBuilds() {
        Map<String, Object> notes = Preset.of("paper").notes(Architecture.VGG);
        assertEquals("FTLL/RTLL: last layer on 20000 training images, 3 epochs, lr 1e-3; FTAL/RTAL: all layers, 1 epoch on 20000"
                + " images, lr 1e-4 / 1e-3", notes.get("fineTuning"));
        assertEquals("WP p=0.1..0.9 and FP c=1/16..15/16, each retrained 1 epoch on 10000 images (lr 1e-4); a sweep stops at the"
                + " first model losing more than 3% test accuracy (kept=false)", notes.get("pruning"));
        assertEquals("probability students (as above) whose queries are CutMix mixtures of two training images (box 30-70 %, noise"
                + " ±0.1) or uniform noise: no task image at all", notes.get("otherData"));
        assertEquals("the target's layers under a new head for a coarser task of the same images, head only (3 epochs, lr 1e-3) or"
                + " all layers (1 epoch, lr 1e-4) on 20000 images; 5 negatives trained from scratch on that task (1 epoch, first 20000"
                + " images)", notes.get("transfer"));
    }

    private static List<String> names(List<SuspectPlan> plan) {
        return plan.stream().map(SuspectPlan::name).toList();
    }
}
