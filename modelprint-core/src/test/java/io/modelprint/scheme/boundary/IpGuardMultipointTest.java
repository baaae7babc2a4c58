package io.modelprint.scheme.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Logits;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IpGuardMultipointTest {
    private static final InputSpec SPEC = InputSpec.unitRange(1, 6, 6);
    private final ImageDataset data = SyntheticData.bands(60, 5, 6, 6, 9);

    @Test
    void pointsHaveThreeNearEqualTopLogitsAndTheTargetLabelOnTop() {
        float k = 0.5f;
        float tol = 0.1f;
        int n = 20;
        try (LinearModel model = new LinearModel(SPEC, 5, 11)) {
            GeneratedQueries q = new IpGuardMultipoint(k, tol, 0.02f, 2000, SeedSelection.DEFAULT, true)
                    .generate(model, SeedSource.fromData(data), n, 5, ProgressListener.NONE);
            assertTrue(q.convergedCount() >= n * 8 / 10, "converged " + q.convergedCount() + " of " + n);
            float[] z = logits(model, q.queries().values(), n);
            float[] seeds = logits(model, SeedSource.fromData(data).draw(n, new java.util.Random(5)), n);
            for (int p = 0; p < n; p++) {
                if (!q.converged()[p]) {
                    continue;
                }
                assertEquals(Logits.argmin(seeds, p, 5), Logits.argmax(z, p, 5), "point " + p + ": the least likely label leads");
                float[] row = Arrays.copyOfRange(z, p * 5, (p + 1) * 5);
                Arrays.sort(row);
                float top = row[4];
                assertEquals(k, top - row[3], tol + 1e-3, "point " + p + ": the second logit is k below the top");
                assertEquals(k, top - row[2], tol + 1e-3, "point " + p + ": so is the third");
                assertTrue(row[1] <= row[2] + 1e-3, "point " + p + ": no fourth class above the three");
            }
        }
    }

    private static float[] logits(LinearModel model, float[] points, int n) {
        try (NDManager m = NDManager.newBaseManager(); NDArray x = m.create(points, SPEC.batchShape(n));
                NDArray z = model.predictLogits(x)) {
            return z.toFloatArray();
        }
    }

    @Test
    void aTargetOfTwoClassesIsRefused() {
        ImageDataset two = SyntheticData.bands(20, 2, 6, 6, 9);
        try (LinearModel model = new LinearModel(SPEC, 2, 11)) {
            InputException e = assertThrows(InputException.class, () -> new IpGuardMultipoint(1f, 0.1f, 0.01f, 10,
                    SeedSelection.DEFAULT, true).generate(model, SeedSource.fromData(two), 4, 1, ProgressListener.NONE));
            assertTrue(e.getMessage().contains("at least 3 classes"), e.getMessage());
        }
    }
}
