package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Logits;
import java.util.Random;

/**
 * The label pair of each seed (paper §5.1.4): {@code from} = the target's label for the seed,
 * {@code to} = its least-likely label (L) or a uniformly random other label (R).
 */
public record TargetLabels(long[] from, long[] to) {
    public static TargetLabels choose(Differentiable target, NDArray seeds, SeedSelection.TargetLabel rule, Random random) {
        int classes = target.numClasses();
        int n = (int) seeds.getShape().get(0);
        long[] from = new long[n];
        long[] to = new long[n];
        try (NDArray logits = target.predictLogits(seeds)) {
            float[] z = logits.toFloatArray();
            for (int p = 0; p < n; p++) {
                int best = Logits.argmax(z, p, classes);
                int worst = Logits.argmin(z, p, classes);
                from[p] = best;
                if (rule == SeedSelection.TargetLabel.LEAST_LIKELY && worst != best) {
                    to[p] = worst;
                } else {
                    int other = random.nextInt(classes - 1);
                    to[p] = other >= best ? other + 1 : other;
                }
            }
        }
        return new TargetLabels(from, to);
    }
}
