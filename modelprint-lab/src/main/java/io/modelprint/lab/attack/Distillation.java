package io.modelprint.lab.attack;

import ai.djl.Model;
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
 * student is trained on the target's answers to a query set ({@link AttackerQueries}). With {@link Access#PROBABILITIES} it
 * learns the target's softmax outputs by knowledge distillation as SAC's attack does (temperature 20,
 * alpha 0.9: {@link DistillationLoss}); with {@link Access#LABELS} only its top-1 labels. The
 * query set is {@code budget} images: by default training images with uniform noise of
 * ±{@code noise} added (clipped to the input range), data like the owner's but not the owner's
 * exact images; or CutMix mixtures, or uniform noise.
 */
public final class Distillation {
    public enum Access {
        PROBABILITIES,
        LABELS
    }

    /** SAC's extraction attack: soft targets at temperature 20, 90 % of the loss on them. */
    public static final float TEMPERATURE = 20f;
    public static final float ALPHA = 0.9f;

    private final Access access;
    private final AttackerQueries queries;
    private final int budget;
    private final float noise;

    public Distillation(Access access, int budget, float noise) {
        this(access, AttackerQueries.TASK, budget, noise);
    }

    public Distillation(Access access, AttackerQueries queries, int budget, float noise) {
        if (budget <= 0) {
            throw new IllegalArgumentException("query budget must be > 0, got " + budget);
        }
        this.access = access;
        this.queries = queries;
        this.budget = budget;
        this.noise = noise;
    }

    /** DISTILL-PROB / DISTILL-LABEL on task-like queries; DISTILL-OTHER when the queries are not the task's images. */
    public String kind() {
        if (queries != AttackerQueries.TASK) {
            return "DISTILL-OTHER";
        }
        return access == Access.PROBABILITIES ? "DISTILL-PROB" : "DISTILL-LABEL";
    }

    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("access", access.name().toLowerCase(java.util.Locale.ROOT));
        if (queries != AttackerQueries.TASK) {
            p.put("queries", queries.json());
        }
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
        ImageDataset asked = queries.draw(pool, budget, noise, new Random(config.seed()));
        if (access == Access.PROBABILITIES) {
            float[] softened = TargetAnswers.probabilities(target, asked, TEMPERATURE);
            return ModelTrainer.fit(student, asked, softened, new DistillationLoss(TEMPERATURE, ALPHA), config,
                    ModelTrainer.StepHook.NONE, progress);
        }
        return ModelTrainer.fit(student, TargetAnswers.labelled(target, asked), config, progress);
    }
}
