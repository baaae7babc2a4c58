package io.modelprint.scheme.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Logits;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeepFoolTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 6, 6);
    private static final int N = 30;
    private final ImageDataset data = SyntheticData.bands(60, 5, 6, 6, 9);

    private static float[] logits(LinearModel model, float[] points, int n) {
        try (NDManager m = NDManager.newBaseManager(); NDArray x = m.create(points, SPEC.batchShape(n));
                NDArray z = model.predictLogits(x)) {
            return z.toFloatArray();
        }
    }

    /** Top-1 minus top-2 logit of each row. */
    private static float[] gaps(float[] z, int classes) {
        float[] gaps = new float[z.length / classes];
        for (int p = 0; p < gaps.length; p++) {
            float[] row = Arrays.copyOfRange(z, p * classes, (p + 1) * classes);
            Arrays.sort(row);
            gaps[p] = row[classes - 1] - row[classes - 2];
        }
        return gaps;
    }

    @Test
    void pointsSitJustPastTheNearestBoundary() {
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            GeneratedQueries q = new DeepFool(0.02f, 50, 10).generate(model, SeedSource.fromData(data), N, 3, ProgressListener.NONE);
            assertEquals(N, q.convergedCount(), "a linear model's boundary is reached by every point");
            float[] seeds = SeedSource.fromData(data).draw(N, new Random(3));
            float[] points = q.queries().values();
            float[] before = logits(model, seeds, N);
            float[] after = logits(model, points, N);
            float[] seedGaps = gaps(before, 5);
            float[] pointGaps = gaps(after, 5);
            // a tenth of the way back to the seed: on the seed's side of the boundary again
            float[] back = new float[points.length];
            for (int i = 0; i < back.length; i++) {
                back[i] = points[i] - 0.1f * (points[i] - seeds[i]);
            }
            float[] stepped = logits(model, back, N);
            int flippedBack = 0;
            for (int p = 0; p < N; p++) {
                int seedLabel = Logits.argmax(before, p, 5);
                assertNotEquals(seedLabel, Logits.argmax(after, p, 5), "point " + p + " crossed the boundary");
                assertTrue(pointGaps[p] < 0.1 * seedGaps[p], "point " + p + ": top-2 gap " + pointGaps[p]
                        + " against the seed's " + seedGaps[p]);
                flippedBack += Logits.argmax(stepped, p, 5) == seedLabel ? 1 : 0;
            }
            assertTrue(flippedBack >= N * 9 / 10, "a small step back restores the seed's label for " + flippedBack + " of " + N);
            for (float v : points) {
                assertTrue(v >= 0f && v <= 1f, "within the input range: " + v);
            }
        }
    }

    @Test
    void deepFoolStaysCloserThanATargetedSignAttack() {
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            GeneratedQueries fool = new DeepFool(0.02f, 50, 10).generate(model, SeedSource.fromData(data), N, 3,
                    ProgressListener.NONE);
            GeneratedQueries fgsm = new Igsm(1f, 0.01f, 1000, new SeedSelection(SeedSelection.Init.DATA,
                    SeedSelection.TargetLabel.RANDOM)).generate(model, SeedSource.fromData(data), N, 3, ProgressListener.NONE);
            float[] seeds = SeedSource.fromData(data).draw(N, new Random(3));
            assertTrue(l2(fool.queries().values(), seeds) < l2(fgsm.queries().values(), seeds),
                    "the minimal perturbation is smaller than a targeted sign attack's");
        }
    }

    private static double l2(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
