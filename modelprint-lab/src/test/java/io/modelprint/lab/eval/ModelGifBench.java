package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/** What the bench's modelgif run (20 samples x 20 steps) over the tiny VGG zoo of {@link EvaluationTest} must show. */
final class ModelGifBench {
    private ModelGifBench() {}

    static void check(SchemeResult modelgif) {
        System.out.println("modelgif on the tiny zoo: " + modelgif.similarities() + "; skipped " + modelgif.skipped().keySet());
        assertEquals("gradients", modelgif.access());
        assertEquals(400, modelgif.queries(), "every suspect gives 20 samples x 20 path points of gradients");
        Map<String, Double> similarities = modelgif.similarities();
        double ftll = similarities.get("ftll");
        similarities.forEach((name, value) -> assertTrue(!name.startsWith("neg-") || value < ftll - 0.1, name + " " + value));
        // random forests and prediction APIs give no gradients: left out of the ROC, counted, with the access refusal
        assertTrue(modelgif.skipped().keySet().stream().anyMatch(n -> n.startsWith("neg-rf")), modelgif.skipped().toString());
        assertTrue(modelgif.skipped().values().stream().allMatch(why -> why.contains("compares gradients") || why.contains("classes")),
                modelgif.skipped().toString());
    }
}
