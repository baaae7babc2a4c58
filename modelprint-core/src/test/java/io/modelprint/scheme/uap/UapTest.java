package io.modelprint.scheme.uap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import org.junit.jupiter.api.Test;

class UapTest {
    private static final InputSpec SPEC = TinyFingerprints.DATA.spec();

    @Test
    void onePerturbationOfBoundedNormFoolsMostPoints() {
        float epsilon = 0.1f;
        int n = 60;
        int pairs = n / 2;
        int size = SPEC.pixelsPerImage();
        try (LinearModel target = TinyFingerprints.target(1)) {
            GeneratedQueries q = new UapQueries(new UniversalPerturbation(epsilon, 0.8f, 100))
                    .generate(target, SeedSource.fromData(TinyFingerprints.DATA), n, 4, ProgressListener.NONE);
            float[] values = q.queries().values();
            float[] v = new float[size];
            boolean[] seen = new boolean[size];
            for (int p = 0; p < pairs; p++) {
                for (int i = 0; i < size; i++) {
                    float point = values[p * size + i];
                    float moved = values[(pairs + p) * size + i];
                    assertTrue(Math.abs(moved - point) <= epsilon + 1e-6, "pixel " + i + " of point " + p + " moved by at most epsilon");
                    if (moved > SPEC.min() && moved < SPEC.max()) {
                        // not clipped: the same shift as at this pixel of every other point
                        if (seen[i]) {
                            assertEquals(v[i], moved - point, 1e-5, "pixel " + i + " of point " + p);
                        }
                        v[i] = moved - point;
                        seen[i] = true;
                    }
                }
            }
            int fooled = q.convergedCount() / 2;
            assertTrue(fooled > pairs / 2, "one perturbation fools " + fooled + " of " + pairs + " points");
        }
    }

    @Test
    void shiftsIgnoreAConstantAddedToEveryScoreOfARow() {
        float[] scores = {1, 2, 3, 0, 5, 1, 2, 2, 2, 4, 0, 1};
        float[] offset = scores.clone();
        for (int row = 0; row < 4; row++) {
            for (int c = 0; c < 3; c++) {
                offset[row * 3 + c] += row * 7.5f;
            }
        }
        double[] shifts = new ScoreShifts().represent(new Answers(new long[4], scores, 3));
        assertArrayEquals(shifts, new ScoreShifts().represent(new Answers(new long[4], offset, 3)), 1e-5);
        assertArrayEquals(new double[] {1, 0, -1, 13 / 3.0, -14 / 3.0, 1 / 3.0}, shifts, 1e-6, "centred f(x + v) - f(x) per point");
    }
}
