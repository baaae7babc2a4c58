package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.modelprint.InputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's runs as the presets define them: Table 4's sweep points and the schemes compared per family. */
class EvaluationPresetTest {
    @Test
    void sweepsTheConfigurationsOfTheDocsInTableOrder() {
        EvaluationPreset quick = EvaluationPreset.of("quick");
        assertEquals(24, quick.points().size(), "docs/evaluation.md: 24 configurations");
        assertEquals(136, EvaluationPreset.of("paper").points().size(), "docs/evaluation.md: 136 configurations");
        // per combination: Random, FGSM and IGSM taking turns over eps, CW-L2 over k, IPGuard and its multipoints taking turns over k
        assertEquals(List.of("random-TL", "fgsm-TL-eps0.03", "igsm-TL-eps0.03", "fgsm-TL-eps0.1", "igsm-TL-eps0.1", "fgsm-TL-eps0.3",
                "igsm-TL-eps0.3", "cw-l2-TL-k10.0", "ipguard-TL-k3.0", "ipguard-multipoint-TL-k3.0", "ipguard-TL-k10.0",
                "ipguard-multipoint-TL-k10.0", "random-RR"), quick.points().stream().limit(13).map(SweepPoint::fileName).toList());
        assertEquals(List.of("random", "fgsm", "igsm", "cw-l2", "ipguard", "ipguard-multipoint"),
                quick.methods().stream().map(SweptMethod::scheme).toList());
        SweepPoint multipoint = quick.points().stream().filter(p -> p.fileName().equals("ipguard-multipoint-RR-k10.0")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("maxIter", 300, "init", "random", "label", "random", "k", 10.0, "n", 100), multipoint.schemeParameters(),
                "the same budget as IPGuard's point beside it");
    }

    @Test
    void aPointGivesItsSchemeTheCombinationTheValueAndTheFixedParameters() {
        SweepPoint ipguard = EvaluationPreset.of("quick").points().stream().filter(p -> p.fileName().equals("ipguard-RR-k3.0"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("maxIter", 300, "init", "random", "label", "random", "k", 3.0, "n", 100), ipguard.schemeParameters());
        assertEquals(Map.of("k", 3.0), ipguard.reported());
        SweepPoint cw = EvaluationPreset.of("paper").points().stream().filter(p -> p.fileName().equals("cw-l2-TR-k0.0")).findFirst()
                .orElseThrow();
        assertEquals(Map.of("binarySteps", 5, "maxIter", 300, "init", "data", "label", "random", "k", 0.0, "n", 100),
                cw.schemeParameters(), "CW-L2's budget; its learning rate and first constant are the scheme's defaults");
        SweepPoint random = EvaluationPreset.of("quick").points().get(0);
        assertEquals(Map.of(), random.reported());
        assertEquals(Map.of("init", "data", "label", "least-likely", "n", 100), random.schemeParameters());
        assertThrows(IllegalArgumentException.class, () -> new SweepPoint("fgsm", "XL", "epsilon", "eps", 0.1, Map.of(), 10));
        assertThrows(InputException.class, () -> new SweptMethod("no-such-scheme", "?", Map.of()));
    }

    @Test
    void comparesEverySchemeButTableFoursBaselines() {
        EvaluationPreset quick = EvaluationPreset.of("quick");
        assertEquals(List.of(new SchemeRun("ipguard", 100, Map.of("k", 10)), new SchemeRun("akh", 100, Map.of()),
                new SchemeRun("sac-w", 100, Map.of()), new SchemeRun("sac-m", 100, Map.of()), new SchemeRun("sac-w-hard", 100, Map.of()),
                new SchemeRun("sac-m-hard", 100, Map.of()), new SchemeRun("modeldiff", 100, Map.of()),
                new SchemeRun("zest", 2, Map.of("masks", 50)), new SchemeRun("zest", 10, Map.of("masks", 50)),
                new SchemeRun("deepfool", 100, Map.of()), new SchemeRun("ipguard-multipoint", 100, Map.of("k", 10)),
                new SchemeRun("uap", 100, Map.of()), new SchemeRun("deepjudge", 100, Map.of()),
                new SchemeRun("weights", 0, Map.of()), new SchemeRun("ssf", 32, Map.of()), new SchemeRun("ssf-hard", 64, Map.of()),
                new SchemeRun("modelgif", 100, Map.of()), new SchemeRun("deepjudge-wb", 100, Map.of())), quick.schemeRuns());
        assertEquals(7 * 3, quick.budgetRuns().size(), "seven schemes at 20, 50 and 200 queries besides the main 100");
        assertEquals(Map.of("k", 10, "n", 100), quick.schemeRuns().get(0).schemeParameters());
        assertEquals("scheme-zest-n2-masks50", quick.schemeRuns().get(7).fileName());
        SchemeRun weights = quick.schemeRuns().stream().filter(r -> r.scheme().equals("weights")).findFirst().orElseThrow();
        assertEquals(Map.of(), weights.schemeParameters(), "weights asks no queries and declares no n");
        assertEquals(Map.of("n", 32), quick.schemeRuns().stream().filter(r -> r.scheme().equals("ssf")).findFirst().orElseThrow()
                .schemeParameters(),
                "ssf at its own default number of samples, not the comparison's 100");
    }
}
