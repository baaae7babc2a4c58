package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Families scored against one group of negatives: adversarial students split by PGD radius, TPR at zero false positives. */
class FamilyScoresTest {
    private static ZooEntry suspect(String name, SuspectGroup group, String kind, Map<String, Object> parameters) {
        return new ZooEntry(name, group, kind, null, parameters, 0.9, name, "0".repeat(64), 1, true);
    }

    @Test
    void aHardNegativeSetsTheBarOfZeroFalsePositivesWhileFivePercentLetsItPass() {
        List<ZooEntry> suspects = new ArrayList<>();
        Map<String, Double> similarities = new LinkedHashMap<>();
        for (int i = 0; i < 24; i++) {
            suspects.add(suspect("neg-" + i, SuspectGroup.NEGATIVE, "VGG", Map.of("data", "subset")));
            similarities.put("neg-" + i, 0.1 + 0.001 * i);
        }
        suspects.add(suspect("twin", SuspectGroup.NEGATIVE, "VGG", Map.of("data", "full", "recipe", "target")));
        similarities.put("twin", 0.4);
        suspects.add(suspect("label-a", SuspectGroup.EXTRACTION, "DISTILL-LABEL", Map.of()));
        suspects.add(suspect("label-b", SuspectGroup.EXTRACTION, "DISTILL-LABEL", Map.of()));
        similarities.put("label-a", 0.3);
        similarities.put("label-b", 0.5);
        suspects.add(suspect("adv-small", SuspectGroup.EXTRACTION, "DISTILL-ADV", Map.of("epsilon", 4.0 / 256)));
        suspects.add(suspect("adv-large", SuspectGroup.EXTRACTION, "DISTILL-ADV", Map.of("epsilon", 0.1)));
        similarities.put("adv-small", 0.45);
        similarities.put("adv-large", 0.05);

        FamilyScores scores = FamilyScores.of(suspects, similarities);
        assertEquals(25, scores.negatives(), "every kind of negative in one group");
        assertEquals(List.of("label extraction", SuspectFamily.ADVERSARIAL_SMALL, SuspectFamily.ADVERSARIAL_LARGE),
                scores.families().stream().map(FamilyScore::family).toList());
        FamilyScore label = scores.families().get(0);
        assertEquals(1.0, label.tprAt5Fpr(), 1e-12, "one false positive in 25 is within 5 %");
        assertEquals(0.5, label.tprAt1Fpr(), 1e-12);
        assertEquals(0.5, label.tprAtZeroFpr(), 1e-12, "only the student above the twin");
        assertEquals(1.0, scores.families().get(1).tprAtZeroFpr(), 1e-12);
        assertEquals(0.0, scores.families().get(2).tprAtZeroFpr(), 1e-12);
        assertEquals(0.5, scores.allPositives().tprAtZeroFpr(), 1e-12);
    }

    @Test
    void aResultCachedBeforeTprAtZeroFalsePositivesIsComputedAgain() throws Exception {
        String old = "{\"family\":\"label extraction\",\"positives\":2,\"auc\":0.9,\"tprAt1Fpr\":0.5,\"tprAt5Fpr\":1.0,"
                + "\"minSimilarity\":0.3,\"maxSimilarity\":0.5}";
        org.junit.jupiter.api.Assertions.assertThrows(com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
                () -> Evaluation.JSON.readValue(old, FamilyScore.class));
        FamilyScore score = new FamilyScore("f", 1, 1, 1, 1, 0.2, 0.3, 0.75);
        assertEquals(score, Evaluation.JSON.readValue(Evaluation.JSON.writeValueAsString(score), FamilyScore.class));
    }
}
