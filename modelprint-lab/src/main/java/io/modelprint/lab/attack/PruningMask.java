package io.modelprint.lab.attack;

import ai.djl.ndarray.NDArray;
import io.modelprint.engine.ModelTrainer;
import java.util.ArrayList;
import java.util.List;

/** Zero entries of parameters that pruning removed; re-applied after every retraining step so they stay removed. */
final class PruningMask implements ModelTrainer.StepHook {
    private final List<NDArray> parameters = new ArrayList<>();
    private final List<NDArray> masks = new ArrayList<>();

    void add(NDArray parameter, float[] keep) {
        NDArray mask = parameter.getManager().create(keep, parameter.getShape());
        parameters.add(parameter);
        masks.add(mask);
        parameter.muli(mask);
    }

    @Override
    public void afterStep() {
        for (int i = 0; i < parameters.size(); i++) {
            parameters.get(i).muli(masks.get(i));
        }
    }

    int prunedCount() {
        int count = 0;
        for (NDArray mask : masks) {
            for (float keep : mask.toFloatArray()) {
                count += keep == 0f ? 1 : 0;
            }
        }
        return count;
    }
}
