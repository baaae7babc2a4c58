package io.modelprint.gradient;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

/**
 * One evaluation of a per-point objective and its gradient with respect to a batch variable (the
 * points themselves, or CW's tanh-space modifier), shared by the iterative generators.
 *
 * <p>A non-finite gradient with a finite objective has been seen from libtorch's TorchScript
 * backward on CPU now and then (not reproducible with the same input); it is recomputed rather than
 * allowed to turn the points into NaN, and a persistent one is an error that names the target.
 */
public final class InputGradient {
    private static final int MAX_RETRIES = 3;

    /**
     * Per-point objective (first) and the target's logits (second) for a variable that records
     * gradients; any further arrays are returned as {@link Result#extras()}.
     */
    @FunctionalInterface
    public interface Objective {
        NDList evaluate(NDArray variable);
    }

    /** Objective values and target logits per point, and the gradient (attached to the caller's manager). */
    public record Result(float[] loss, float[] logits, java.util.List<float[]> extras, NDArray gradient) {}

    private InputGradient() {}

    /**
     * The objective and its gradient at {@code variable}, computed again (up to {@value #MAX_RETRIES}
     * times) while the gradient is not finite; {@code what} (the target) and {@code step} name it in
     * errors.
     */
    public static Result evaluate(NDArray variable, Objective objective, NDManager manager, String what, int step) {
        for (int attempt = 0; ; attempt++) {
            Result result = once(variable, objective, manager);
            if (allFinite(result.loss()) && allFinite(result.gradient())) {
                return result;
            }
            result.gradient().close();
            if (attempt == MAX_RETRIES) {
                if (!allFinite(result.loss())) {
                    throw new IllegalStateException(what + ": objective is NaN/infinite at step " + step
                            + "; the target's logits are not usable");
                }
                throw new UnreliableGradientsException(what + ": input gradient is NaN/infinite at step " + step + " (after "
                        + MAX_RETRIES + " retries) although the objective is finite. " + UnreliableGradientsException.ADVICE);
            }
        }
    }

    /**
     * One evaluation, unchecked: a NaN comes back as it is (adversarial training leaves a diverging
     * loss to the trainer, which stops on it).
     */
    public static Result once(NDArray variable, Objective objective, NDManager manager) {
        float[] loss;
        float[] logits;
        java.util.List<float[]> extras = new java.util.ArrayList<>();
        NDArray grad;
        try (NDManager scope = manager.newSubManager()) {
            NDArray v = variable.duplicate();
            v.attach(scope);
            v.setRequiresGradient(true);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDList out = objective.evaluate(v);
                collector.backward(out.get(0).sum());
                loss = out.get(0).toFloatArray();
                logits = out.get(1).toFloatArray();
                for (int i = 2; i < out.size(); i++) {
                    extras.add(out.get(i).toFloatArray());
                }
            }
            grad = v.getGradient().duplicate();
            grad.attach(manager);
        }
        return new Result(loss, logits, extras, grad);
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allFinite(NDArray array) {
        try (NDArray nan = array.isNaN(); NDArray inf = array.isInfinite(); NDArray bad = nan.logicalOr(inf);
                NDArray any = bad.any()) {
            return !any.getBoolean();
        }
    }
}
