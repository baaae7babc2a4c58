package io.modelprint.lab.attack;

import ai.djl.Model;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.ProgressListener;
import java.util.Map;

/** An attacker's change to a copy of the target: fine-tuning, pruning, ... Changes {@code model} in place. */
public interface PostProcessing {
    /** Suspect kind as in the paper: FTLL, FTAL, RTLL, RTAL, WP, FP. */
    String kind();

    Map<String, Object> parameters();

    ModelTrainer.Result apply(Model model, ImageDataset train, TrainingConfig config, ProgressListener progress);
}
