package io.modelprint.lab.evasive;

import ai.djl.ndarray.NDArray;
import io.modelprint.model.Scored;

/** A scored model behind an evasive API: its scores come out noised, smoothed, rounded or swapped as the defense says. */
public final class DefendedScored extends DefendedClassifier implements Scored {
    DefendedScored(Scored base, Defense defense) {
        super(base, defense);
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        int count = (int) batch.getShape().get(0);
        float[] scores = answer(batch.toFloatArray(), count, true).scores();
        return batch.getManager().create(scores, new ai.djl.ndarray.types.Shape(count, numClasses()));
    }
}
