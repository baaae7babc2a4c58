package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.lab.zoo.OnnxCopy;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.ZooEntry;
import java.util.List;
import java.util.Set;

/** What the bench's tampering runs (ssf, ssf-hard) over the tiny VGG zoo of {@link EvaluationTest} must show. */
final class SsfBench {
    /** Copies made from the target's weights that change its function. */
    private static final Set<String> CHANGED = Set.of("fine-tuning", "pruning", "fine-pruning", "quantization");

    private SsfBench() {}

    static void check(SchemeResult result, List<ZooEntry> suspects) {
        assertEquals(null, result.error(), result.run().scheme());
        for (ZooEntry e : suspects) {
            String family = SuspectFamily.of(e);
            Double share = result.similarities().get(e.name());
            String what = result.run().scheme() + " " + e.name() + " (" + family + "): " + share + " " + result.skipped().get(e.name());
            if (e.kind().equals(OnnxCopy.KIND) || e.kind().startsWith("REPARAM-")) {
                assertEquals(1.0, share, what + ": the target's function, up to float rounding");
            } else if (CHANGED.contains(family) || e.group() == io.modelprint.lab.zoo.SuspectGroup.NEGATIVE) {
                assertTrue(share == null ? result.skipped().containsKey(e.name()) : share < 1, what);
            } else if (family.equals("evasive serving") && share == null) {
                String why = result.skipped().get(e.name());
                assertTrue(why.contains("cannot be checked for tampering") || why.contains("labels only"), what);
            }
        }
        assertTrue(suspects.stream().filter(e -> CHANGED.contains(SuspectFamily.of(e)))
                .allMatch(e -> result.similarities().containsKey(e.name())), "every post-processed copy is checked: " + result.skipped());
    }
}
