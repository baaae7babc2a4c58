package io.modelprint.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class CombinedVerdictTest {
    private static Verdict verdict(double similarity, Double p) {
        return Verdict.of("s", similarity, 0.5, false, 100, null, p, 0.01);
    }

    @Test
    void calibratedMembersCombineByBonferroni() {
        CombinedVerdict v = CombinedVerdict.of(List.of(verdict(0.9, 0.004), verdict(0.2, 0.6), verdict(0.3, 0.2)), 0.01);
        assertEquals("bonferroni", v.rule());
        assertEquals(0.012, v.pValue(), 1e-12, "3 x the smallest p-value");
        assertEquals(Decision.INDEPENDENT, v.decision(), "0.012 > alpha 0.01");
        assertEquals(Decision.DERIVED, CombinedVerdict.of(List.of(verdict(0.9, 0.001), verdict(0.2, 0.6)), 0.01).decision());
        assertEquals(1.0, CombinedVerdict.of(List.of(verdict(0.1, 0.9), verdict(0.2, 0.6)), 0.01).pValue());
    }

    @Test
    void uncalibratedMembersTakeTheStrictMajority() {
        CombinedVerdict two = CombinedVerdict.of(List.of(verdict(0.9, null), verdict(0.8, 0.001), verdict(0.1, null)), 0.01);
        assertEquals("majority", two.rule());
        assertNull(two.pValue());
        assertEquals(Decision.DERIVED, two.decision());
        assertEquals(Decision.INDEPENDENT, CombinedVerdict.of(List.of(verdict(0.9, null), verdict(0.1, null)), 0.01).decision(),
                "a tie is not a majority");
    }
}
