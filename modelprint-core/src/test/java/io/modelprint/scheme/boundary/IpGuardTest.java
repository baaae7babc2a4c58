package io.modelprint.scheme.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IpGuardTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 6, 6);

    private static float[][] logitsOf(LinearModel model, float[] values, int n) {
        try (NDManager manager = NDManager.newBaseManager(); NDArray x = manager.create(values, SPEC.batchShape(n));
                NDArray z = model.predictLogits(x)) {
            float[] flat = z.toFloatArray();
            float[][] rows = new float[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = Arrays.copyOfRange(flat, i * model.numClasses(), (i + 1) * model.numClasses());
            }
            return rows;
        }
    }

    private static int argMax(float[] z) {
        int best = 0;
        for (int i = 1; i < z.length; i++) {
            best = z[i] > z[best] ? i : best;
        }
        return best;
    }

    private static int argMin(float[] z) {
        int worst = 0;
        for (int i = 1; i < z.length; i++) {
            worst = z[i] < z[worst] ? i : worst;
        }
        return worst;
    }

    @Test
    void convergedPointsSatisfyEquationFiveWithinTheInputRange() {
        float k = 2f;
        ImageDataset data = SyntheticData.bands(40, 5, 6, 6, 9);
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            int n = 30;
            GeneratedQueries generated = new IpGuard(k, 0.05f, 1000, SeedSelection.DEFAULT, true)
                    .generate(model, SeedSource.fromData(data), n, 5, ProgressListener.NONE);
            assertEquals(n, generated.convergedCount(), "every point reaches objective 0 on a linear model");
            float[] seeds = SeedSource.fromData(data).draw(n, new java.util.Random(5));
            float[][] before = logitsOf(model, seeds, n);
            float[][] after = logitsOf(model, generated.queries().values(), n);
            for (int p = 0; p < n; p++) {
                int from = argMax(before[p]);
                int to = argMin(before[p]);
                float[] z = after[p];
                assertTrue(z[to] - z[from] >= k - 1e-3, "point " + p + ": Z_j leads Z_i by k");
                for (int t = 0; t < z.length; t++) {
                    if (t != from && t != to) {
                        assertTrue(z[from] >= z[t] - 1e-3, "point " + p + ": Z_i leads every other label");
                    }
                }
                assertEquals(to, argMax(z), "point " + p + " ends with the least-likely label");
            }
            for (float v : generated.queries().values()) {
                assertTrue(v >= 0f && v <= 1f, "clipped to [0,1]: " + v);
            }
            assertTrue(Arrays.stream(generated.iterations()).distinct().count() > 1, "points finish at different steps");
        }
    }

    @Test
    void pointsAlreadyAtZeroTakeNoStepAndTheLimitIsHonoured() {
        ImageDataset data = SyntheticData.bands(20, 5, 6, 6, 9);
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            GeneratedQueries none = new IpGuard(2f, 0.05f, 0, SeedSelection.DEFAULT, true)
                    .generate(model, SeedSource.fromData(data), 10, 5, ProgressListener.NONE);
            assertArrayEquals(new int[10], none.iterations());
            assertEquals(0, none.convergedCount(), "least-likely label never leads the seed before any step");
            assertArrayEquals(SeedSource.fromData(data).draw(10, new java.util.Random(5)), none.queries().values());

            GeneratedQueries capped = new IpGuard(50f, 1e-4f, 3, SeedSelection.DEFAULT, true)
                    .generate(model, SeedSource.fromData(data), 10, 5, ProgressListener.NONE);
            assertTrue(Arrays.stream(capped.iterations()).allMatch(i -> i <= 3));
        }
    }

    @Test
    void randomInitAndRandomLabelsAreReproducibleAndNeverPickTheSeedLabel() {
        try (LinearModel model = new LinearModel(SPEC, 4, 3)) {
            IpGuard rr = new IpGuard(1f, 0.05f, 500, new SeedSelection(SeedSelection.Init.RANDOM, SeedSelection.TargetLabel.RANDOM), true);
            GeneratedQueries a = rr.generate(model, SeedSource.uniform(SPEC), 25, 77, ProgressListener.NONE);
            GeneratedQueries b = rr.generate(model, SeedSource.uniform(SPEC), 25, 77, ProgressListener.NONE);
            assertArrayEquals(a.queries().values(), b.queries().values(), 1e-5f);
            float[] seeds = SeedSource.uniform(SPEC).draw(25, new java.util.Random(77));
            float[][] before = logitsOf(model, seeds, 25);
            float[][] after = logitsOf(model, a.queries().values(), 25);
            for (int p = 0; p < 25; p++) {
                if (a.converged()[p]) {
                    assertNotEquals(argMax(before[p]), argMax(after[p]), "point " + p + " moved to another label");
                }
            }
            assertTrue(a.convergedCount() > 20, "converged " + a.convergedCount());
        }
    }

    @Test
    void withoutClippingPointsMayLeaveTheRange() {
        ImageDataset data = SyntheticData.bands(20, 5, 6, 6, 9);
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            GeneratedQueries free = new IpGuard(30f, 0.2f, 300, SeedSelection.DEFAULT, false)
                    .generate(model, SeedSource.fromData(data), 10, 5, ProgressListener.NONE);
            boolean outside = false;
            for (float v : free.queries().values()) {
                outside |= v < 0f || v > 1f;
            }
            assertTrue(outside, "a large margin needs values outside [0,1] when not clipped");
        }
    }

    @Test
    void invalidParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IpGuard(-1f, 0.01f, 10, SeedSelection.DEFAULT, true));
        assertThrows(IllegalArgumentException.class, () -> new IpGuard(1f, 0f, 10, SeedSelection.DEFAULT, true));
        assertThrows(IllegalArgumentException.class, () -> new IpGuard(1f, 0.01f, -1, SeedSelection.DEFAULT, true));
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            assertThrows(IllegalArgumentException.class, () -> new IpGuard(1f, 0.01f, 10, SeedSelection.DEFAULT, true)
                    .generate(model, SeedSource.uniform(SPEC), 0, 1, ProgressListener.NONE));
            assertThrows(IllegalArgumentException.class, () -> new IpGuard(1f, 0.01f, 10, SeedSelection.DEFAULT, true)
                    .generate(model, SeedSource.uniform(InputSpec.unitRange(1, 5, 5)), 3, 1, ProgressListener.NONE));
        }
    }
}
