package io.modelprint.lab.attack;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Transfer learning: the target's layers reused for another task ({@link TransferTask}) under a new
 * head of the task's size, then the head trained alone on features computed once (the body stays
 * the target's exactly) or all layers fine-tuned. The copy answers another question than the
 * target, so only task-agnostic schemes can compare it with the target.
 */
public final class TransferLearning {
    private final TransferTask task;
    private final boolean allLayers;

    public TransferLearning(TransferTask task, boolean allLayers) {
        this.task = task;
        this.allLayers = allLayers;
    }

    public String kind() {
        return "TRANSFER";
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>(); // in this order in the manifest, whatever the JVM
        parameters.put("task", task.name());
        parameters.put("layers", allLayers ? "all" : "head");
        return parameters;
    }

    /**
     * Fills {@code copy} (a new model of the target's architecture with the task's class count) with
     * the target's weights in every layer but the last, then trains it on {@code train} relabelled.
     */
    public ModelTrainer.Result apply(Model target, Model copy, ImageDataset train, TrainingConfig config, ProgressListener progress) {
        EngineSetup.seed(config.seed());
        List<Parameter> from = target.getBlock().getParameters().values();
        List<Parameter> to = copy.getBlock().getParameters().values();
        if (from.size() != to.size()) {
            throw new IllegalArgumentException("the copy is not of the target's architecture");
        }
        for (int i = 0; i < to.size(); i++) {
            if (!isHead(copy, to.get(i))) {
                to.get(i).getArray().set(from.get(i).getArray().toFloatArray());
            }
        }
        FineTuning.Variant variant = allLayers ? FineTuning.Variant.RTAL : FineTuning.Variant.RTLL;
        return new FineTuning(variant).apply(copy, task.relabel(train), config, progress);
    }

    private static boolean isHead(Model model, Parameter parameter) {
        return Layers.lastLayer(model).getParameters().values().stream().anyMatch(p -> p == parameter);
    }

    public TransferTask task() {
        return task;
    }

    @Override
    public String toString() {
        return kind().toLowerCase(Locale.ROOT) + "-" + (allLayers ? "all" : "head");
    }
}
