package io.modelprint.lab.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.lab.eval.EvaluationPreset;
import io.modelprint.lab.eval.FamilyScore;
import io.modelprint.lab.eval.SchemeResult;
import io.modelprint.lab.eval.SchemeRun;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheme table shows TPR at zero false positives, and the negatives are shown by kind. */
class SchemeReportTest {
    private static final EvaluationPreset QUICK = EvaluationPreset.of("quick");

    private static ZooEntry entry(String name, SuspectGroup group, String kind, Map<String, Object> parameters) {
        return new ZooEntry(name, group, kind, null, parameters, 0.88, name, "0".repeat(64), 1, true);
    }

    private static List<ZooEntry> suspects(boolean pytorch) {
        List<ZooEntry> suspects = new ArrayList<>(List.of(
                entry("distill-label-mlp", SuspectGroup.EXTRACTION, "DISTILL-LABEL", Map.of()),
                entry("neg-vgg-s100", SuspectGroup.NEGATIVE, "VGG", Map.of("data", "subset")),
                entry("neg-rf-s300", SuspectGroup.NEGATIVE, "RF", Map.of("images", 5000)),
                entry("neg-same-recipe-vgg-s600", SuspectGroup.NEGATIVE, "VGG", Map.of("data", "full", "recipe", "target"))));
        if (pytorch) {
            suspects.add(entry("neg-pytorch-cnn-s700", SuspectGroup.NEGATIVE, "PYTORCH-CNN", Map.of("pipeline", "pytorch", "data", "full")));
        }
        return suspects;
    }

    private static SchemeResult result(SchemeRun run) {
        FamilyScore label = new FamilyScore("label extraction", 1, 0.9, 0.25, 0.5, 0.6, 0.6, 0.125);
        return new SchemeResult(run, "labels", 100, 1.5, 3, List.of(label), label,
                Map.of("distill-label-mlp", 0.6, "neg-vgg-s100", 0.1, "neg-same-recipe-vgg-s600", 0.7, "neg-pytorch-cnn-s700", 0.2),
                Map.of("neg-rf-s300", "labels only"), null);
    }

    @Test
    void everyFamilyCellEndsWithTheTprAtZeroFalsePositivesAndNegativesAreShownByKind() {
        SchemeRun run = QUICK.schemeRuns().get(0);
        String md = SchemeReport.markdown(List.of(result(run)), QUICK, suspects(false), 0.89);
        assertTrue(md.contains("AUC / TPR at 1 % FPR / TPR at 5 % FPR / TPR at zero false positives"), md);
        assertTrue(md.contains("| 0.90 / 0.25 / 0.50 / 0.13 |"), md);
        assertTrue(md.contains("| scheme | negative (same recipe) (1) | negative (subset) (2) |\n"), md);
        assertTrue(md.contains("| " + SchemeReport.label(result(run)) + " | 0.70-0.70 | 0.10-0.10 |\n"),
                "the forest gave no answer to this scheme; the twin is the hardest negative: " + md);
        assertTrue(md.contains("No negatives made by another pipeline in this zoo"), md);

        String withPytorch = SchemeReport.markdown(List.of(result(run)), QUICK, suspects(true), 0.89);
        assertTrue(withPytorch.contains("| negative (other pipeline) (1) |"), withPytorch);
        assertTrue(withPytorch.contains(" | 0.20-0.20 |\n"), withPytorch);
        assertFalse(withPytorch.contains("No negatives made by another pipeline"), withPytorch);
    }
}
