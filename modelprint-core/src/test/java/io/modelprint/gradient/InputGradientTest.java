package io.modelprint.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A non-finite input gradient with a finite objective (seen from libtorch now and then) is computed
 * again; one that persists stops with UnreliableGradientsException (exit code 4, the launcher's retry).
 */
class InputGradientTest {
    /** sqrt at 0 is finite but its derivative is infinite: a finite objective with a non-finite gradient. */
    private static NDList infiniteGradient(NDArray v) {
        NDArray objective = v.sqrt().sum(new int[] {1});
        return new NDList(objective, v);
    }

    private static NDList doubled(NDArray v) {
        NDArray objective = v.mul(2).sum(new int[] {1});
        return new NDList(objective, v);
    }

    @Test
    void aNonFiniteGradientIsComputedAgainAndAPersistentOneStopsWithExitCode4() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray points = manager.zeros(new ai.djl.ndarray.types.Shape(2, 3));
            AtomicInteger calls = new AtomicInteger();
            InputGradient.Result result = InputGradient.evaluate(points,
                    v -> calls.getAndIncrement() == 0 ? infiniteGradient(v) : doubled(v), manager, "flaky", 7);
            assertEquals(2, calls.get(), "recomputed once");
            assertArrayEquals(new float[] {2, 2, 2, 2, 2, 2}, result.gradient().toFloatArray());
            assertArrayEquals(new float[] {0, 0}, result.loss());

            UnreliableGradientsException failed = assertThrows(UnreliableGradientsException.class,
                    () -> InputGradient.evaluate(points, InputGradientTest::infiniteGradient, manager, "broken target", 3));
            assertTrue(failed.getMessage().contains("broken target") && failed.getMessage().contains("step 3"), failed.getMessage());
        }
    }

    @Test
    void aSingleEvaluationIsNotChecked() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray points = manager.zeros(new ai.djl.ndarray.types.Shape(2, 3));
            InputGradient.Result result = InputGradient.once(points, InputGradientTest::infiniteGradient, manager);
            assertTrue(Float.isInfinite(result.gradient().toFloatArray()[0]), "the infinite gradient comes back as it is");
        }
    }
}
