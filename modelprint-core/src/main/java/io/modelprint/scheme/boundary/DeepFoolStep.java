package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.InputGradient;
import io.modelprint.gradient.IterativeAttack;
import io.modelprint.gradient.PointArray;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Logits;
import java.util.Arrays;
import java.util.List;

/**
 * One DeepFool iteration (Moosavi-Dezfooli, Fawzi, Frossard; CVPR 2016, Alg. 2) as an attack the
 * active-batch loop runs: at x, for every candidate class c other than the point's original label
 * k0, w_c = ∇(Z_c − Z_k0) and f_c = Z_c − Z_k0; the class l with the smallest |f_l| / ‖w_l‖₂ has the
 * nearest linearised boundary, and r = (|f_l| + 1e-4) / ‖w_l‖² · w_l reaches it. The loop moves x by
 * (1 + overshoot) · r and clips it to the input range; a point is done once its label is not k0.
 * The per-point loss reported is the estimated distance |f_l| / ‖w_l‖₂.
 */
final class DeepFoolStep implements IterativeAttack {
    /** The reference's 1e-4 added to |f_l| so that the linearised step lands just past the boundary. */
    private static final float MARGIN = 1e-4f;

    private final Differentiable target;
    private final List<PointArray> directions;
    private final long[] original;
    private final float overshoot;
    private final InputSpec spec;

    /**
     * @param directions per candidate class (ranked by the seed's logits, the original label left out):
     *     one-hot(c) − one-hot(k0) per point, held by the loop
     * @param original k0 of every point of the batch
     */
    DeepFoolStep(Differentiable target, List<PointArray> directions, long[] original, float overshoot) {
        this.target = target;
        this.directions = directions;
        this.original = original;
        this.overshoot = overshoot;
        this.spec = target.inputSpec();
    }

    /** DeepFool needs one gradient per candidate class: {@link #evaluate} computes them all. */
    @Override
    public NDList loss(NDArray variable) {
        throw new UnsupportedOperationException("DeepFool evaluates one objective per candidate class");
    }

    @Override
    public InputGradient.Result evaluate(NDArray x, NDManager manager, String what, int step) {
        int rows = (int) x.getShape().get(0);
        float[] nearest = new float[rows];
        Arrays.fill(nearest, Float.POSITIVE_INFINITY);
        float[] logits = null;
        NDArray chosen = null;
        Shape perPoint = perPointShape(x.getShape());
        try (NDManager scope = manager.newSubManager()) {
            for (PointArray direction : directions) {
                NDArray d = direction.get();
                InputGradient.Result r = InputGradient.evaluate(x, v -> {
                    NDArray z = target.logits(v);
                    return new NDList(z.mul(d).sum(new int[] {1}), z);
                }, scope, what, step);
                logits = r.logits();
                float[] f = r.loss();
                float[] squared = r.gradient().square().reshape(rows, -1).sum(new int[] {1}).toFloatArray();
                float[] scale = new float[rows];
                float[] keep = new float[rows];
                for (int p = 0; p < rows; p++) {
                    double norm = Math.sqrt(squared[p]);
                    double distance = norm > 0 ? Math.abs(f[p]) / norm : Double.POSITIVE_INFINITY;
                    if (distance < nearest[p]) {
                        nearest[p] = (float) distance;
                        scale[p] = (Math.abs(f[p]) + MARGIN) / squared[p];
                    } else {
                        keep[p] = 1;
                    }
                }
                NDArray candidate = r.gradient().mul(scope.create(scale, perPoint));
                chosen = chosen == null ? candidate : chosen.mul(scope.create(keep, perPoint)).add(candidate);
            }
            chosen.attach(manager);
        }
        return new InputGradient.Result(nearest, logits, List.of(), chosen);
    }

    @Override
    public boolean reached(InputGradient.Result evaluation, int row, int point) {
        return Logits.argmax(evaluation.logits(), row, target.numClasses()) != original[point];
    }

    @Override
    public NDArray step(NDArray x, NDArray r, int step) {
        try (NDArray scaled = r.mul(1 + overshoot)) {
            return x.addi(scaled);
        }
    }

    @Override
    public NDArray project(NDArray x) {
        return x.clip(spec.min(), spec.max());
    }

    /** [rows, 1, 1, ...]: one factor per point, broadcast over the image. */
    private static Shape perPointShape(Shape batch) {
        long[] dims = new long[batch.dimension()];
        Arrays.fill(dims, 1);
        dims[0] = batch.get(0);
        return new Shape(dims);
    }
}
