package io.modelprint.lab.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.ProgressListener;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Weight pruning (paper §4.1, WP): in every convolutional and linear layer, the fraction p of
 * weights with the smallest magnitude is set to zero (exactly floor(p·size) per layer), then the
 * model is retrained with those weights held at zero.
 */
public final class WeightPruning implements PostProcessing {
    private final double fraction;

    public WeightPruning(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("pruning fraction must be in (0,1), got " + fraction);
        }
        this.fraction = fraction;
    }

    @Override
    public String kind() {
        return "WP";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("p", fraction);
    }

    @Override
    public ModelTrainer.Result apply(Model model, ImageDataset train, TrainingConfig config, ProgressListener progress) {
        return ModelTrainer.fit(model, train, null, config, prune(model), progress);
    }

    PruningMask prune(Model model) {
        PruningMask mask = new PruningMask();
        for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
            NDArray weights = pair.getValue().getArray();
            if (!pair.getKey().endsWith("weight") || weights.getShape().dimension() < 2) {
                continue;
            }
            float[] values = weights.toFloatArray();
            int prune = (int) Math.floor(fraction * values.length);
            float[] keep = new float[values.length];
            java.util.Arrays.fill(keep, 1f);
            IntStream.range(0, values.length).boxed()
                    .sorted(Comparator.comparingDouble(i -> Math.abs(values[i])))
                    .limit(prune)
                    .forEach(i -> keep[i] = 0f);
            mask.add(weights, keep);
        }
        return mask;
    }
}
