package io.modelprint.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.data.InputSpec;
import io.modelprint.scheme.Labels;
import io.modelprint.testing.LinearModel;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PGD on a random linear model: it stays in the ball and the input range, and moves labels the way it is asked. */
class LinfPgdTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 4, 4);
    private static final int COUNT = 64;
    private final LinearModel model = new LinearModel(SPEC, 5, 3);
    private final float[] images = images();

    private static float[] images() {
        Random random = new Random(11);
        float[] x = new float[COUNT * SPEC.pixelsPerImage()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        return x;
    }

    private void assertInBallAndRange(float[] moved, float epsilon) {
        for (int i = 0; i < moved.length; i++) {
            assertTrue(Math.abs(moved[i] - images[i]) <= epsilon + 1e-6f, "index " + i + " left the ball");
            assertTrue(moved[i] >= SPEC.min() && moved[i] <= SPEC.max(), "index " + i + " left the range");
        }
    }

    @Test
    void awayLeavesTheLabelsAndTowardReachesTheChosenOnesWithinTheBall() {
        float epsilon = 0.5f;
        LinfPgd pgd = new LinfPgd(epsilon, 20);
        long[] labels = Labels.predict(model, images, COUNT);
        float[] away = pgd.away(model, images, images, labels, ActiveBatchLoop.Progress.NONE);
        assertInBallAndRange(away, epsilon);
        long[] after = Labels.predict(model, away, COUNT);
        int left = 0;
        for (int i = 0; i < COUNT; i++) {
            left += after[i] != labels[i] ? 1 : 0;
        }
        assertTrue(left >= COUNT * 3 / 4, "most images leave their label: " + left + " of " + COUNT);

        long[] chosen = new long[COUNT];
        for (int i = 0; i < COUNT; i++) {
            chosen[i] = (labels[i] + 1 + i % 4) % 5;
        }
        float[] toward = pgd.toward(model, images, images, chosen, ActiveBatchLoop.Progress.NONE);
        assertInBallAndRange(toward, epsilon);
        long[] reached = Labels.predict(model, toward, COUNT);
        int hit = 0;
        for (int i = 0; i < COUNT; i++) {
            hit += reached[i] == chosen[i] ? 1 : 0;
        }
        assertTrue(hit > left / 2, "targeted steps reach the chosen label for many: " + hit);
        assertEquals(0, Labels.predict(model, pgd.away(model, images, images, labels, ActiveBatchLoop.Progress.NONE), COUNT)[0]
                - after[0], "no random start: the same images give the same result");
    }

    @Test
    void aBallOfNoSizeOrNoStepsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LinfPgd(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LinfPgd(Float.POSITIVE_INFINITY, 10));
        assertThrows(IllegalArgumentException.class, () -> new LinfPgd(0.1f, 0));
    }
}
