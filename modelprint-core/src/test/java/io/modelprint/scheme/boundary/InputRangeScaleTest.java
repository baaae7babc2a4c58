package io.modelprint.scheme.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.LinfPgd;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Step sizes and radii are fractions of the input range: the same network taking [0,255] pixels (its weights
 * divided by 255) gets the same points, times 255, from the same settings, where absolute steps would leave
 * it 255 times too short (the earlier default needed --lr 5 on such a model).
 */
class InputRangeScaleTest {
    private static final InputSpec UNIT = InputSpec.unitRange(1, 6, 6);
    private static final InputSpec PIXELS = new InputSpec(1, 6, 6, 0f, 255f, new float[0], new float[0], false);
    private static final int CLASSES = 5;

    private static LinearModel inPixels(LinearModel unit, float[] w, float[] b) {
        float[] scaled = w.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] /= 255f;
        }
        return LinearModel.of(PIXELS, CLASSES, scaled, b);
    }

    private static float[] times255(float[] values) {
        float[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= 255f;
        }
        return out;
    }

    private static float[][] weights(long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[] w = new float[UNIT.pixelsPerImage() * CLASSES];
        float[] b = new float[CLASSES];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextGaussian();
        }
        return new float[][] {w, b};
    }

    @Test
    void boundaryGeneratorsFindTheSamePointsOnA0To255Model() {
        float[][] wb = weights(11);
        List<QueryGenerator> generators = List.of(new IpGuard(2f, 0.05f, 100, SeedSelection.DEFAULT, true),
                new Igsm(0.3f, 0.01f, 100, SeedSelection.DEFAULT), new IpGuardMultipoint(1f, 0.5f, 0.05f, 100, SeedSelection.DEFAULT, true));
        try (LinearModel unit = LinearModel.of(UNIT, CLASSES, wb[0], wb[1]); LinearModel pixels = inPixels(unit, wb[0], wb[1])) {
            for (QueryGenerator generator : generators) {
                GeneratedQueries a = generator.generate(unit, SeedSource.uniform(UNIT), 10, 3, ProgressListener.NONE);
                GeneratedQueries b = generator.generate(pixels, SeedSource.uniform(PIXELS), 10, 3, ProgressListener.NONE);
                assertTrue(a.convergedCount() > 0, generator.name() + " converges on the [0,1] model");
                assertEquals(a.convergedCount(), b.convergedCount(), generator.name() + ": as many points converge");
                assertArrayEquals(times255(a.queries().values()), b.queries().values(), 0.5f, generator.name());
            }
        }
    }

    @Test
    void pgdRadiusAndStepsAreFractionsOfTheRange() {
        float[][] wb = weights(12);
        LinfPgd pgd = new LinfPgd(0.1f, 10);
        assertEquals(25.5f, pgd.radius(PIXELS), 1e-4f);
        try (LinearModel unit = LinearModel.of(UNIT, CLASSES, wb[0], wb[1]); LinearModel pixels = inPixels(unit, wb[0], wb[1])) {
            float[] origin = new float[UNIT.pixelsPerImage() * 4];
            for (int i = 0; i < origin.length; i++) {
                origin[i] = 0.2f + 0.6f * ((i * 37) % 100) / 100f;
            }
            long[] labels = {0, 1, 2, 3};
            float[] a = pgd.away(unit, origin, origin, labels, ActiveBatchLoop.Progress.NONE);
            float[] b = pgd.away(pixels, times255(origin), times255(origin), labels, ActiveBatchLoop.Progress.NONE);
            assertArrayEquals(times255(a), b, 0.05f);
            float moved = 0;
            for (int i = 0; i < a.length; i++) {
                moved = Math.max(moved, Math.abs(b[i] - 255f * origin[i]));
            }
            assertEquals(25.5f, moved, 0.01f, "the steps reach the ball's edge on the [0,255] model too");
        }
    }
}
