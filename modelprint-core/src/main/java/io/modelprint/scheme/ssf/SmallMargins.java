package io.modelprint.scheme.ssf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.InputGradient;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Queries;

/**
 * ssf-hard's last stage: each sample moved by Newton steps on its margin g(x) = z_a − max_{c≠a} z_c (a its
 * label at the start) until g is within half of its goal: +m for even samples, −m for odd ones (just across
 * the boundary, where another class leads by m), m = {@code margin} x max(1, max|z|). A label-only
 * suspect's answer flips when a change moves a margin by more than m toward the boundary, and with
 * samples on both sides some do whichever way the boundary moved; an honest re-export's float rounding
 * (about 1e-6 of the logits' scale) cannot. Steps stay in the input range.
 */
final class SmallMargins {
    private final float margin;
    private final int maxSteps;

    SmallMargins(float margin, int maxSteps) {
        this.margin = margin;
        this.maxSteps = maxSteps;
    }

    /** {@code points} moved (a new array); {@code reached[i]} says whether point i's margin is within the band. */
    float[] move(Differentiable model, float[] points, int count, boolean[] reached) {
        InputSpec spec = model.inputSpec();
        int classes = model.numClasses();
        float[] logits = Answers.ask(model, new Queries(spec, points, count), Access.SCORES).scores();
        long[] labels = new long[count];
        float[] goal = new float[count];
        for (int i = 0; i < count; i++) {
            float scale = 1;
            for (int c = 0; c < classes; c++) {
                scale = Math.max(scale, Math.abs(logits[i * classes + c]));
                labels[i] = logits[i * classes + c] > logits[i * classes + (int) labels[i]] ? c : labels[i];
            }
            // every other sample just across the boundary: whichever way a change moves it, some samples flip
            goal[i] = (i % 2 == 0 ? 1 : -1) * margin * scale;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray mask = manager.create(labels).oneHot(classes);
            NDArray x = manager.create(points, spec.batchShape(count));
            for (int step = 0; ; step++) {
                InputGradient.Result result = InputGradient.evaluate(x, v -> {
                    NDArray z = model.logits(v);
                    NDArray own = z.mul(mask).sum(new int[] {1});
                    NDArray others = z.sub(mask.mul(1e9f)).max(new int[] {1});
                    return new NDList(own.sub(others), z);
                }, manager, model.description(), step);
                float[] g = result.loss();
                boolean all = true;
                float[] factor = new float[count];
                for (int i = 0; i < count; i++) {
                    reached[i] = Math.abs(g[i] - goal[i]) <= Math.abs(goal[i]) / 2;
                    all &= reached[i];
                    factor[i] = g[i] - goal[i];
                }
                if (all || step == maxSteps) {
                    result.gradient().close();
                    return x.toFloatArray();
                }
                NDArray moved;
                try (NDManager scope = manager.newSubManager()) {
                    NDArray gradient = result.gradient();
                    gradient.attach(scope);
                    float[] norms = gradient.square().sum(new int[] {1, 2, 3}).toFloatArray();
                    for (int i = 0; i < count; i++) {
                        factor[i] = reached[i] ? 0 : factor[i] / Math.max(norms[i], 1e-12f);
                    }
                    NDArray stepped = x.sub(gradient.mul(scope.create(factor).reshape(count, 1, 1, 1)));
                    moved = stepped.clip(spec.min(), spec.max());
                    stepped.close();
                }
                x.close();
                x = moved;
            }
        }
    }
}
