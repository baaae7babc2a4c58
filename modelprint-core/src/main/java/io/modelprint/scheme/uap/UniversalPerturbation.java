package io.modelprint.scheme.uap;

import io.modelprint.ProgressListener;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.boundary.DeepFool;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A universal adversarial perturbation of the target (Moosavi-Dezfooli et al., CVPR 2017, Alg. 1):
 * one v with ‖v‖∞ ≤ epsilon such that the target's label of clip(x + v) differs from its label of x
 * for most images x. Passes over the images in a seeded order; an image v does not fool yet gets
 * DeepFool's minimal step Δv at clip(x + v), and v becomes the projection of v + Δv onto the
 * epsilon-ball. Stops when the fooling rate reaches {@code foolingRate} or after {@code maxPasses}.
 * Images are moved {@link #BATCH} at a time (one DeepFool batch) and their steps applied one after
 * another; with a batch of one this is the reference's loop.
 */
public final class UniversalPerturbation {
    /** Images per DeepFool batch: small, so that a step mostly sees the v earlier steps made. */
    static final int BATCH = 16;
    /** DeepFool's budget inside the UAP loop, as in the reference (10 steps, overshoot 0.02, 10 candidates). */
    private static final DeepFool INNER = new DeepFool(0.02f, 10, 10);

    private final float epsilon;
    private final float foolingRate;
    private final int maxPasses;

    public UniversalPerturbation(float epsilon, float foolingRate, int maxPasses) {
        if (!(epsilon > 0) || Float.isInfinite(epsilon) || !(foolingRate > 0 && foolingRate <= 1) || maxPasses < 1) {
            throw new IllegalArgumentException("a UAP needs epsilon > 0, a fooling rate in (0,1] and maxPasses >= 1, got "
                    + epsilon + ", " + foolingRate + ", " + maxPasses);
        }
        this.epsilon = epsilon;
        this.foolingRate = foolingRate;
        this.maxPasses = maxPasses;
    }

    /** v and how many passes made it. */
    public record Result(float[] perturbation, int passes) {}

    /** The UAP of {@code count} flattened images of the target's input spec. */
    public Result compute(Differentiable target, float[] images, int count, Random random, ProgressListener progress) {
        InputSpec spec = target.inputSpec();
        int size = spec.pixelsPerImage();
        long[] clean = Labels.predict(target, images, count);
        float[] v = new float[size];
        int passes = 0;
        double rate = 0;
        while (passes < maxPasses && rate < foolingRate) {
            int[] order = shuffled(count, random);
            for (int start = 0; start < count; start += BATCH) {
                List<Integer> unfooled = new ArrayList<>();
                float[] shifted = perturbed(spec, images, order, start, Math.min(BATCH, count - start), v);
                long[] now = Labels.predict(target, shifted, Math.min(BATCH, count - start));
                for (int i = 0; i < now.length; i++) {
                    if (now[i] == clean[order[start + i]]) {
                        unfooled.add(i);
                    }
                }
                if (!unfooled.isEmpty()) {
                    step(target, shifted, unfooled, v, size);
                }
            }
            passes++;
            rate = foolingRate(target, images, count, clean, v);
            progress.update(passes, maxPasses, String.format("UAP pass %d: fooling rate %.2f", passes, rate));
        }
        return new Result(v, passes);
    }

    /** clip(x + v) of {@code images}, one per row. */
    public static float[] apply(InputSpec spec, float[] images, int count, float[] v) {
        int size = spec.pixelsPerImage();
        float[] out = new float[count * size];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(spec.max(), Math.max(spec.min(), images[i] + v[i % size]));
        }
        return out;
    }

    /** DeepFool on the unfooled rows of {@code shifted}; each converged step is added to v and v projected. */
    private void step(Differentiable target, float[] shifted, List<Integer> unfooled, float[] v, int size) {
        float[] batch = new float[unfooled.size() * size];
        for (int j = 0; j < unfooled.size(); j++) {
            System.arraycopy(shifted, unfooled.get(j) * size, batch, j * size, size);
        }
        GeneratedQueries moved = INNER.perturb(target, batch, unfooled.size(), ActiveBatchLoop.Progress.NONE);
        float[] points = moved.queries().values();
        for (int j = 0; j < unfooled.size(); j++) {
            if (!moved.converged()[j]) {
                continue;
            }
            for (int i = 0; i < size; i++) {
                float next = v[i] + points[j * size + i] - batch[j * size + i];
                v[i] = Math.max(-epsilon, Math.min(epsilon, next));
            }
        }
    }

    private static double foolingRate(Differentiable target, float[] images, int count, long[] clean, float[] v) {
        long[] labels = Labels.predict(target, apply(target.inputSpec(), images, count, v), count);
        int fooled = 0;
        for (int i = 0; i < count; i++) {
            fooled += labels[i] != clean[i] ? 1 : 0;
        }
        return (double) fooled / count;
    }

    private static float[] perturbed(InputSpec spec, float[] images, int[] order, int start, int count, float[] v) {
        int size = spec.pixelsPerImage();
        float[] picked = new float[count * size];
        for (int i = 0; i < count; i++) {
            System.arraycopy(images, order[start + i] * size, picked, i * size, size);
        }
        return apply(spec, picked, count, v);
    }

    private static int[] shuffled(int count, Random random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
