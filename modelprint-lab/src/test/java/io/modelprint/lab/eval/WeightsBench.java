package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/** What the bench's weights run over the tiny VGG zoo of {@link EvaluationTest} must show. */
final class WeightsBench {
    private WeightsBench() {}

    static void check(SchemeResult weights) {
        assertEquals("weights", weights.access());
        assertEquals(0, weights.queries(), "weights asks no queries");
        Map<String, Double> similarities = weights.similarities();
        for (String copy : new String[] {"reparam-permute", "reparam-bnfold", "quant-fp16"}) {
            assertTrue(similarities.get(copy) >= 0.99, copy + ": " + similarities);
        }
        double ftll = similarities.get("ftll");
        assertTrue(ftll >= 0.9, "only the head changed: " + ftll);
        // the VGG negatives are compared, each far below the copy; everything else cannot be and says why
        assertTrue(similarities.keySet().stream().anyMatch(n -> n.startsWith("neg-vgg")), similarities.toString());
        similarities.forEach((name, value) -> assertTrue(!name.startsWith("neg-") || value < ftll - 0.2, name + " " + value));
        assertTrue(weights.skipped().keySet().stream().anyMatch(n -> n.startsWith("neg-rf")), weights.skipped().toString());
        assertTrue(weights.skipped().values().stream().anyMatch(why -> why.contains("one architecture")), weights.skipped().toString());
        assertTrue(weights.skipped().values().stream().allMatch(why -> why.contains("architecture") || why.contains("weights")
                || why.contains("classes")), weights.skipped().toString());
    }
}
