package io.modelprint.scheme.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 6, 6);
    private static final int N = 20;
    private final ImageDataset data = SyntheticData.bands(40, 5, 6, 6, 9);

    private float[] seeds() {
        return SeedSource.fromData(data).draw(N, new Random(3));
    }

    private static long[] labels(LinearModel model, float[] points) {
        return model.predictLabels(points, N);
    }

    private static long[] targets(LinearModel model, float[] seeds) {
        try (NDManager m = NDManager.newBaseManager(); NDArray x = m.create(seeds, SPEC.batchShape(N))) {
            return TargetLabels.choose(model, x, SeedSelection.TargetLabel.LEAST_LIKELY, new Random(3)).to();
        }
    }

    private static double l2(float[] a, float[] b, int p) {
        double sum = 0;
        for (int i = p * 36; i < (p + 1) * 36; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    @Test
    void fgsmTakesOneStepOfSizeEpsilon() {
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            float eps = 0.05f;
            GeneratedQueries q = new Fgsm(eps, SeedSelection.DEFAULT).generate(model, SeedSource.fromData(data), N, 3, ProgressListener.NONE);
            float[] seeds = seeds();
            float[] points = q.queries().values();
            int moved = 0;
            for (int i = 0; i < points.length; i++) {
                float d = Math.abs(points[i] - seeds[i]);
                boolean clipped = points[i] == 0f || points[i] == 1f;
                assertTrue(d <= eps + 1e-6, "never more than eps");
                if (!clipped) {
                    assertEquals(eps, d, 1e-6, "every free coordinate moves by exactly eps");
                    moved++;
                }
            }
            assertTrue(moved > points.length / 2);
            for (int it : q.iterations()) {
                assertEquals(1, it);
            }
        }
    }

    @Test
    void igsmStaysInTheEpsilonBallAndStopsAtTheTargetLabel() {
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            float eps = 0.3f;
            GeneratedQueries q = new Igsm(eps, 0.01f, 500, SeedSelection.DEFAULT).generate(model, SeedSource.fromData(data), N, 3,
                    ProgressListener.NONE);
            float[] seeds = seeds();
            float[] points = q.queries().values();
            for (int i = 0; i < points.length; i++) {
                assertTrue(Math.abs(points[i] - seeds[i]) <= eps + 1e-5, "inside the eps-ball at " + i);
                assertTrue(points[i] >= 0f && points[i] <= 1f);
            }
            long[] reached = labels(model, points);
            long[] wanted = targets(model, seeds);
            int converged = 0;
            for (int p = 0; p < N; p++) {
                if (q.converged()[p]) {
                    converged++;
                    assertEquals(wanted[p], reached[p], "point " + p + " stops on the target label");
                }
            }
            assertTrue(converged >= N / 2, "converged " + converged);
        }
    }

    @Test
    void cwReachesTheLabelWithConfidenceAndStaysCloserThanIgsm() {
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            float k = 0.5f;
            GeneratedQueries cw = new CwL2(k, 0.05f, 6, 300, 1e-2f, SeedSelection.DEFAULT)
                    .generate(model, SeedSource.fromData(data), N, 3, ProgressListener.NONE);
            GeneratedQueries igsm = new Igsm(1f, 0.01f, 1000, SeedSelection.DEFAULT)
                    .generate(model, SeedSource.fromData(data), N, 3, ProgressListener.NONE);
            float[] seeds = seeds();
            long[] wanted = targets(model, seeds);
            long[] reached = labels(model, cw.queries().values());
            double cwDistance = 0;
            double igsmDistance = 0;
            int both = 0;
            for (int p = 0; p < N; p++) {
                if (cw.converged()[p]) {
                    assertEquals(wanted[p], reached[p], "point " + p);
                }
                if (cw.converged()[p] && igsm.converged()[p]) {
                    both++;
                    cwDistance += l2(cw.queries().values(), seeds, p);
                    igsmDistance += l2(igsm.queries().values(), seeds, p);
                }
            }
            assertTrue(cw.convergedCount() >= N * 3 / 4, "CW converged " + cw.convergedCount());
            assertTrue(both > 0 && cwDistance < igsmDistance, "CW's L2 " + cwDistance + " < IGSM's " + igsmDistance);
        }
    }

    @Test
    void randomPointsAreTheSeeds() {
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            GeneratedQueries q = new RandomPoints(new SeedSelection(SeedSelection.Init.RANDOM, SeedSelection.TargetLabel.RANDOM))
                    .generate(model, SeedSource.uniform(SPEC), N, 4, ProgressListener.NONE);
            assertArrayEquals(SeedSource.uniform(SPEC).draw(N, new Random(4)), q.queries().values());
            // java.util.Random is specified to the bit: the same seed gives these points on every JVM and CPU
            assertArrayEquals(new float[] {0.7306094f, 0.9075698f, 0.918714f}, java.util.Arrays.copyOf(q.queries().values(), 3));
        }
    }
}
