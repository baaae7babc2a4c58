package io.modelprint.lab.attack;

import ai.djl.Model;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.PgdAttack;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.model.Differentiable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Adversarial extraction: a label-extracted student is trained further with PGD adversarial
 * training on the target's labels (loss = cross-entropy on the clean queries + on their L-infinity
 * PGD versions), which moves its decision boundaries away from the target's: the attack that
 * boundary fingerprints such as IPGuard are weakest against.
 */
public final class AdversarialExtraction {
    private final int budget;
    private final float noise;
    private final float epsilon;
    private final float stepSize;
    private final int steps;

    public AdversarialExtraction(int budget, float noise, float epsilon, float stepSize, int steps) {
        if (budget <= 0) {
            throw new IllegalArgumentException("query budget must be > 0, got " + budget);
        }
        this.budget = budget;
        this.noise = noise;
        this.epsilon = epsilon;
        this.stepSize = stepSize;
        this.steps = steps;
    }

    public String kind() {
        return "DISTILL-ADV";
    }

    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("access", "labels");
        p.put("budget", budget);
        p.put("noise", noise);
        p.put("epsilon", epsilon);
        p.put("step", stepSize);
        p.put("steps", steps);
        return p;
    }

    /** Trains {@code student} (a label-extracted student, changed in place) adversarially on the target's labels. */
    public ModelTrainer.Result apply(Model student, Differentiable target, ImageDataset pool, TrainingConfig config,
            ProgressListener progress) {
        EngineSetup.seed(config.seed());
        ImageDataset queries = AttackerQueries.TASK.draw(pool, budget, noise, new Random(config.seed()));
        PgdAttack pgd = new PgdAttack(epsilon, stepSize, steps, pool.spec().min(), pool.spec().max());
        return ModelTrainer.fitAdversarially(student, TargetAnswers.labelled(target, queries), pgd, config, progress);
    }
}
