package io.modelprint.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Four points, each pulled to its own target by halving its distance every step (gradient descent on
 * (x - t)^2 with step 1/4): they reach the goal (loss <= 0.01) after 4, 0, 6 and 14 steps.
 */
class ActiveBatchLoopTest {
    private static final float[] TARGETS = {10, 20, 30, 40};
    private static final float[] DISTANCES = {1, 0, 4, 1000};

    /** The attack; its targets are a per-point array, so a row that did not follow its point would pull it elsewhere. */
    private static IterativeAttack halving(PointArray targets, float ceiling, int stopAt) {
        return new IterativeAttack() {
            @Override
            public NDList loss(NDArray x) {
                NDArray loss = x.sub(targets.get()).square().sum(new int[] {1});
                return new NDList(loss, x);
            }

            @Override
            public boolean reached(InputGradient.Result evaluation, int row, int point) {
                return evaluation.loss()[row] <= 0.01f;
            }

            @Override
            public boolean proceeds(InputGradient.Result evaluation, int step) {
                return step < stopAt;
            }

            @Override
            public NDArray step(NDArray x, NDArray gradient, int step) {
                return x.subi(gradient.mul(0.25f));
            }

            @Override
            public NDArray project(NDArray x) {
                return x.minimum(ceiling);
            }
        };
    }

    private static float[] starts() {
        float[] x = new float[TARGETS.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = TARGETS[i] + DISTANCES[i];
        }
        return x;
    }

    @Test
    void pointsLeaveTheBatchWhenTheyReachTheGoalOrTheStepLimit() {
        List<String> reports = new ArrayList<>();
        float[] result = starts();
        try (ActiveBatchLoop loop = new ActiveBatchLoop("test", (step, reached, total) -> reports.add(step + ":" + reached + "/" + total))) {
            NDArray start = loop.manager().create(result.clone(), new Shape(4, 1));
            PointArray targets = loop.track(loop.manager().create(TARGETS, new Shape(4, 1)));
            loop.runToGoal(start, result, 8, halving(targets, Float.MAX_VALUE, Integer.MAX_VALUE));
            assertArrayEquals(new int[] {4, 0, 6, 8}, loop.iterations());
            assertArrayEquals(new boolean[] {true, true, true, false}, loop.converged());
            assertEquals(9, loop.evaluations(), "steps 0 to 8, the last judged too");
        }
        assertArrayEquals(new float[] {10 + 1 / 16f, 20, 30 + 4 / 64f, 40 + 1000 / 256f}, result);
        assertEquals(List.of("0:1/4", "1:1/4", "2:1/4", "3:1/4", "4:2/4", "5:2/4", "6:3/4", "7:3/4", "8:3/4"), reports,
                "points that reached the goal so far: the last one left at the step limit without reaching it");
    }

    @Test
    void aRunOfStepsTakesThemAllUnlessTheAttackStopsAndProjectsEachStep() {
        try (ActiveBatchLoop loop = new ActiveBatchLoop("test", ActiveBatchLoop.Progress.NONE)) {
            PointArray targets = loop.track(loop.manager().create(TARGETS, new Shape(4, 1)));
            NDArray start = loop.manager().create(starts(), new Shape(4, 1));
            float[] after = loop.runSteps(start, 3, halving(targets, 500, Integer.MAX_VALUE)).toFloatArray();
            // 1040 -> 540, clipped to 500 -> 270 -> 155; nobody leaves early, whatever its loss
            assertArrayEquals(new float[] {10 + 1 / 8f, 20, 30 + 4 / 8f, 155}, after);
            assertEquals(3, loop.evaluations());
        }
        try (ActiveBatchLoop loop = new ActiveBatchLoop("test", ActiveBatchLoop.Progress.NONE)) {
            PointArray targets = loop.track(loop.manager().create(TARGETS, new Shape(4, 1)));
            NDArray start = loop.manager().create(starts(), new Shape(4, 1));
            float[] after = loop.runSteps(start, 3, halving(targets, Float.MAX_VALUE, 1)).toFloatArray();
            assertArrayEquals(new float[] {10 + 1 / 2f, 20, 30 + 4 / 2f, 40 + 1000 / 2f}, after, "one step, then stopped");
            assertEquals(2, loop.evaluations(), "the evaluation that stopped it counts");
        }
    }
}
