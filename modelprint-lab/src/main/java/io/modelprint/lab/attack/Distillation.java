package io.modelprint.lab.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.DistillationLoss;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.model.Differentiable;
import io.modelprint.ProgressListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Model extraction by an attacker who can only query the target (beyond the IPGuard paper): a
 * student is trained on the target's answers to a query set. With {@link Access#PROBABILITIES} it
 * learns the target's softmax outputs by knowledge distillation as SAC's attack does (temperature 20,
 * alpha 0.9: {@link DistillationLoss}); with {@link Access#LABELS} only its top-1 labels. The
 * query set is {@code budget} training images with uniform noise of ±{@code noise} added (clipped
 * to the input range): data like the owner's, but not the owner's exact images.
 */
public final class Distillation {
    public enum Access {
        PROBABILITIES,
        LABELS
    }

    private static final int BATCH = 512;
    /** SAC's extraction attack: soft targets at temperature 20, 90 % of the loss on them. */
    public static final float TEMPERATURE = 20f;
    public static final float ALPHA = 0.9f;

    private final Access access;
    private final int budget;
    private final float noise;

    public Distillation(Access access, int budget, float noise) {
        if (budget <= 0) {
            throw new IllegalArgumentException("query budget must be > 0, got " + budget);
        }
        this.access = access;
        this.budget = budget;
        this.noise = noise;
    }

    public String kind() {
        return access == Access.PROBABILITIES ? "DISTILL-PROB" : "DISTILL-LABEL";
    }

    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("access", access.name().toLowerCase(java.util.Locale.ROOT));
        p.put("budget", budget);
        p.put("noise", noise);
        if (access == Access.PROBABILITIES) {
            p.put("temperature", TEMPERATURE);
            p.put("alpha", ALPHA);
        }
        return p;
    }

    /** Trains {@code student} (freshly initialized) on the target's answers; returns the training result. */
    public ModelTrainer.Result apply(Model student, Differentiable target, ImageDataset pool, TrainingConfig config,
            ProgressListener progress) {
        EngineSetup.seed(config.seed());
        ImageDataset queries = querySet(pool, new Random(config.seed()));
        if (access == Access.PROBABILITIES) {
            float[] softened = askTarget(target, queries, TEMPERATURE);
            return ModelTrainer.fit(student, queries, softened, new DistillationLoss(TEMPERATURE, ALPHA), config,
                    ModelTrainer.StepHook.NONE, progress);
        }
        float[] probabilities = askTarget(target, queries, 1);
        int classes = queries.numClasses();
        int[] labels = new int[queries.size()];
        for (int i = 0; i < labels.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                best = probabilities[i * classes + c] > probabilities[i * classes + best] ? c : best;
            }
            labels[i] = best;
        }
        ImageDataset labelled = new ImageDataset(queries.name() + "-target-labels", queries.spec(), queries.pixels(), labels, classes);
        return ModelTrainer.fit(student, labelled, config, progress);
    }

    private ImageDataset querySet(ImageDataset pool, Random random) {
        int n = Math.min(budget, pool.size());
        int[] order = pool.shuffledIndices(random);
        int size = pool.spec().pixelsPerImage();
        float[] pixels = new float[n * size];
        for (int i = 0; i < n; i++) {
            pool.copyImage(order[i], pixels, i * size);
        }
        float lo = pool.spec().min();
        float hi = pool.spec().max();
        for (int i = 0; i < pixels.length; i++) {
            float noisy = pixels[i] + (random.nextFloat() * 2 - 1) * noise;
            pixels[i] = Math.max(lo, Math.min(hi, noisy));
        }
        // the labels here are placeholders: the student only ever sees the target's answers
        return new ImageDataset(pool.name() + "-queries", pool.spec(), pixels, new int[n], pool.numClasses());
    }

    /** The target's softmax at {@code temperature} on every query. */
    private static float[] askTarget(Differentiable target, ImageDataset queries, float temperature) {
        int classes = queries.numClasses();
        float[] probabilities = new float[queries.size() * classes];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int from = 0; from < queries.size(); from += BATCH) {
                int n = Math.min(BATCH, queries.size() - from);
                int[] indices = new int[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = from + i;
                }
                try (NDManager scope = manager.newSubManager()) {
                    NDArray logits = target.predictLogits(queries.images(scope, indices));
                    System.arraycopy(logits.div(temperature).softmax(1).toFloatArray(), 0, probabilities, from * classes, n * classes);
                }
            }
        }
        return probabilities;
    }
}
