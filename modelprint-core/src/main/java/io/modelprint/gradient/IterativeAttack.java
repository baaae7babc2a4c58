package io.modelprint.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * One iterative gradient method as {@link ActiveBatchLoop} runs it (foolbox's BaseGradientDescent
 * is the model): the method supplies its loss, its goal, its update step and its projection; the
 * loop owns the iteration, the active batch and the arrays' lifetime.
 */
public interface IterativeAttack {
    /**
     * Per-point loss (first) and logits (second) at {@code variable}, which records gradients; any
     * further arrays come back as {@link InputGradient.Result#extras()}.
     */
    NDList loss(NDArray variable);

    /** The loss and its gradient at {@code variable}; by default recomputed when NaN ({@link InputGradient#evaluate}). */
    default InputGradient.Result evaluate(NDArray variable, NDManager manager, String what, int step) {
        return InputGradient.evaluate(variable, this::loss, manager, what, step);
    }

    /**
     * Whether the point in active row {@code row} ({@code point} in the whole batch) has reached the
     * goal; by default never, so every point runs to the step limit. Asked only when run to a goal.
     */
    default boolean reached(InputGradient.Result evaluation, int row, int point) {
        return false;
    }

    /** Sees every evaluation before its step; false ends the run (CW-L2 stops when its loss stalls). */
    default boolean proceeds(InputGradient.Result evaluation, int step) {
        return true;
    }

    /** {@code variable} moved one step along {@code gradient}: updated in place, or a new array. */
    NDArray step(NDArray variable, NDArray gradient, int step);

    /** The stepped variable brought back where it may be (an L∞ ball, the input range); as it is by default. */
    default NDArray project(NDArray variable) {
        return variable;
    }
}
