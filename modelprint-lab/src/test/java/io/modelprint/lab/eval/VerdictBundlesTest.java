package io.modelprint.lab.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictBundlesTest {
    private static VerdictResult member(String scheme, Map<String, Double> pValues) {
        return new VerdictResult(new VerdictRun(scheme, 100, Map.of(), "ab".repeat(32)), "labels", 100, 1.0, 0.01, 12,
                Math.pow(10, -3), Map.of(), pValues, Map.of(), null);
    }

    @Test
    void aSuspectIsDerivedWhenAnyMemberReachesAlphaOverTheNumberOfMembers() {
        VerdictResult a = member("ipguard", Map.of("copy", 0.001, "student", 0.2, "honest", 0.3, "borderline", 0.008));
        VerdictResult b = member("fleet-llr", Map.of("copy", 0.5, "student", 0.004, "honest", 0.04, "borderline", 0.4));
        VerdictResult bundle = VerdictBundles.of(List.of(a, b));

        assertEquals("bundle:ipguard+fleet-llr", bundle.run().scheme());
        assertTrue(bundle.derived("copy"));
        assertTrue(bundle.derived("student"), "caught by the second member only");
        assertFalse(bundle.derived("honest"));
        // 0.008 is below alpha for one scheme alone, but not below alpha / 2: the bundle does not spend alpha twice
        assertFalse(bundle.derived("borderline"));
        assertEquals(0.016, bundle.pValues().get("borderline"), 1e-12);
        assertEquals(200, bundle.queries());
    }

    @Test
    void aSuspectOneMemberCouldNotAskIsSkippedWithTheReason() {
        VerdictResult a = member("ipguard", Map.of("copy", 0.001, "forest", 0.5));
        VerdictResult b = new VerdictResult(new VerdictRun("sac-w", 100, Map.of(), "ab".repeat(32)), "scores", 100, 1.0, 0.01, 12,
                1e-3, Map.of(), Map.of("copy", 0.001), Map.of("forest", "answers labels only"), null);
        VerdictResult bundle = VerdictBundles.of(List.of(a, b));

        assertNotNull(bundle.derived("copy"));
        assertEquals(null, bundle.derived("forest"));
        assertEquals("answers labels only", bundle.skipped().get("forest"));
        assertEquals("scores", bundle.access());
    }
}
