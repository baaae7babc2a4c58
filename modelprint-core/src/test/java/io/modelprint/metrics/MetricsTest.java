package io.modelprint.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void perfectSeparationScoresOne() {
        double[] positives = {1.0, 0.98, 1.0};
        double[] negatives = {0.0, 0.0, 0.0};
        // R(t) = 1 for t <= 0.98, 2/3 for t in (0.98, 1]; U(t) = 1 for all t > 0
        assertEquals((98 + 2 * 2.0 / 3) / 100, Aruc.of(positives, negatives), 1e-12);
        assertEquals(1.0, Aruc.of(new double[] {1.0}, new double[] {0.0}), 1e-12);
        assertEquals(1.0, Roc.auc(positives, negatives));
        assertEquals(1.0, Roc.tprAtFpr(positives, negatives, 0.01));
        assertEquals(0.98, Roc.gap(positives, negatives), 1e-12);
    }

    @Test
    void identicalRatesByHand() {
        double[] same = {0.5, 0.5};
        // R(t) = 1 for t <= 0.5 else 0; U(t) = 0 for t <= 0.5 else 1: min is 0 everywhere
        assertEquals(0.0, Aruc.of(same, same), 1e-12);
        assertEquals(0.5, Roc.auc(same, same));
        assertEquals(0.0, Roc.gap(same, same));
        // flagging nobody (τ = +inf) is the only threshold with FPR <= 5%
        assertEquals(0.0, Roc.tprAtFpr(same, same, 0.05));
    }

    @Test
    void mixedCaseByHand() {
        double[] positives = {0.9, 0.6, 0.3};
        double[] negatives = {0.1, 0.4, 0.2, 0.05};
        // t = 1..100: R = 1 (t<=30), 2/3 (31..60), 1/3 (61..90), 0 (91..100)
        //             U = 1 - #neg>=t/4: t<=5: 0; 6..10: 1/4; 11..20: 1/2; 21..40: 3/4; >40: 1
        double sum = 0;
        for (int t = 1; t <= 100; t++) {
            double r = t <= 30 ? 1 : t <= 60 ? 2 / 3.0 : t <= 90 ? 1 / 3.0 : 0;
            double u = t <= 5 ? 0 : t <= 10 ? 0.25 : t <= 20 ? 0.5 : t <= 40 ? 0.75 : 1;
            sum += Math.min(r, u);
        }
        assertEquals(sum / 100, Aruc.of(positives, negatives), 1e-12);
        assertEquals(11 / 12.0, Roc.auc(positives, negatives), 1e-12);
        assertEquals(2 / 3.0, Roc.tprAtFpr(positives, negatives, 0.0), 1e-12);
        assertEquals(1.0, Roc.tprAtFpr(positives, negatives, 0.25), 1e-12);
        assertEquals(-0.1, Roc.gap(positives, negatives), 1e-12);
        assertEquals(2 / 3.0, RobustnessUniqueness.robustness(positives, 0.6), 1e-12);
        assertEquals(0.75, RobustnessUniqueness.uniqueness(negatives, 0.4), 1e-12);
    }

    @Test
    void emptyGroupsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Aruc.of(new double[0], new double[] {0.1}));
        assertThrows(IllegalArgumentException.class, () -> Roc.auc(new double[] {0.1}, new double[0]));
    }
}
