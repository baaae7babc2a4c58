package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/** What the bench's deepjudge-wb run (20 test cases) over the tiny VGG zoo of {@link EvaluationTest} must show. */
final class DeepJudgeWhiteBoxBench {
    private DeepJudgeWhiteBoxBench() {}

    static void check(SchemeResult deepjudge) {
        System.out.println("deepjudge-wb on the tiny zoo: " + deepjudge.similarities() + "; skipped " + deepjudge.skipped().keySet());
        assertEquals("layers", deepjudge.access());
        assertEquals(20, deepjudge.queries());
        Map<String, Double> similarities = deepjudge.similarities();
        for (String copy : new String[] {"reparam-bnfold", "quant-fp16"}) {
            assertTrue(similarities.get(copy) >= 0.99, copy + ": " + similarities);
        }
        double retrained = similarities.get("rtal");
        assertTrue(similarities.keySet().stream().anyMatch(n -> n.startsWith("neg-vgg")), similarities.toString());
        similarities.forEach((name, value) -> assertTrue(!name.startsWith("neg-") || value < retrained - 0.15, name + " " + value));
        // other architectures are refused by the layer they differ at; files without layers, forests and APIs by access
        assertTrue(deepjudge.skipped().keySet().stream().anyMatch(n -> n.startsWith("neg-rf")), deepjudge.skipped().toString());
        assertTrue(deepjudge.skipped().values().stream().anyMatch(why -> why.contains("one architecture")), deepjudge.skipped().toString());
        assertTrue(deepjudge.skipped().values().stream().allMatch(why -> why.contains("one architecture")
                || why.contains("compares layers") || why.contains("classes")), deepjudge.skipped().toString());
    }
}
