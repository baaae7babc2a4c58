package io.modelprint.scheme.metav;

import io.modelprint.data.ImageDataset;
import io.modelprint.fleet.FleetRole;
import io.modelprint.testing.InMemoryFleet;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.SyntheticData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A world: "random", every model its own random linear map, copies at weight noise 0.4 in the fleet;
 * "shared", every model a shared task map plus its own part (0.3), copies at 0.1 in the fleet. Held-out
 * positives are copies at larger noise and mixes of the target with an independent model.
 */
record LinearWorld(String kind, long offset) {
    boolean random() {
        return kind.equals("random");
    }

    float[] noises() {
        return random() ? new float[] {0.8f, 1.2f, 1.6f, 2.0f} : new float[] {0.1f, 0.2f, 0.3f, 0.4f};
    }

    float[] mixes() {
        return random() ? new float[] {0.5f, 0.7f} : new float[] {0.4f, 0.6f};
    }

    ImageDataset data() {
        return SyntheticData.bands(600, 10, 10, 10, 3 + offset);
    }

    LinearModel target() {
        return random() ? new LinearModel(data().spec(), 10, 1 + offset) : fromTask(1 + offset);
    }

    LinearModel independent(long seed) {
        return random() ? new LinearModel(data().spec(), 10, seed + offset) : fromTask(seed + offset);
    }

    private LinearModel fromTask(long seed) {
        try (LinearModel task = new LinearModel(data().spec(), 10, 100 + offset)) {
            return LinearModel.perturbed(task, 0.3f, seed);
        }
    }

    LinearModel copy(float noise, long seed) {
        try (LinearModel target = target()) {
            return LinearModel.perturbed(target, noise, seed + offset);
        }
    }

    /** (1 - share) x the target's weights + share x an independent model's: a copy partly retrained elsewhere. */
    LinearModel mix(float share, long seed) {
        try (LinearModel target = target(); LinearModel other = independent(seed)) {
            float[][] t = weights(target);
            float[][] o = weights(other);
            for (int k = 0; k < 2; k++) {
                for (int i = 0; i < t[k].length; i++) {
                    t[k][i] = (1 - share) * t[k][i] + share * o[k][i];
                }
            }
            return LinearModel.of(target.inputSpec(), 10, t[0], t[1]);
        }
    }

    InMemoryFleet fleet(int surrogates, int references) {
        InMemoryFleet fleet = new InMemoryFleet(data().spec(), 10);
        try (LinearModel target = target()) {
            fleet.forTarget(target.sha256());
        }
        for (int i = 0; i < surrogates; i++) {
            long seed = 10 + i;
            fleet.add("copy-" + seed, FleetRole.SURROGATE, "copy", () -> copy(random() ? 0.4f : 0.1f, seed));
        }
        for (int i = 0; i < references; i++) {
            long seed = 30 + i;
            fleet.add("independent-" + seed, FleetRole.REFERENCE, "seed", () -> independent(seed));
        }
        return fleet;
    }

    /** The held-out positives by family: copies at each noise and mixes at each share, seeded by suspect. */
    Map<String, LongFunction<LinearModel>> families() {
        Map<String, LongFunction<LinearModel>> families = new LinkedHashMap<>();
        for (float noise : noises()) {
            families.put("noise " + noise, seed -> copy(noise, 400 + seed));
        }
        for (float mix : mixes()) {
            families.put("mix " + mix, seed -> mix(mix, 800 + seed));
        }
        return families;
    }

    /** A linear model's weights [pixels, classes] and biases, read from its logits on 0 and on every unit image. */
    static float[][] weights(LinearModel model) {
        int pixels = model.inputSpec().pixelsPerImage();
        float[] probes = new float[(pixels + 1) * pixels];
        for (int i = 0; i < pixels; i++) {
            probes[(i + 1) * pixels + i] = 1;
        }
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            float[] z = model.predictLogits(manager.create(probes, model.inputSpec().batchShape(pixels + 1))).toFloatArray();
            float[] b = java.util.Arrays.copyOf(z, 10);
            float[] w = new float[pixels * 10];
            for (int i = 0; i < pixels; i++) {
                for (int c = 0; c < 10; c++) {
                    w[i * 10 + c] = z[(i + 1) * 10 + c] - b[c];
                }
            }
            return new float[][] {w, b};
        }
    }
}
