package io.modelprint.scheme.modeldiff;

import io.modelprint.scheme.Cosine;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Representation;

/**
 * ModelDiff's decision distance vector: for each pair (i, i + n/2), 1 - cos(f(x_i), f(x'_i)) of the
 * output rows, the vector then L2-normalised.
 */
public final class DecisionDistanceVector implements Representation<double[]> {
    @Override
    public String name() {
        return "decision-distance-vector";
    }

    @Override
    public Access access() {
        return Access.SCORES;
    }

    /** Distances between a model's own outputs: any output width compares with any other. */
    @Override
    public boolean comparesAcrossTasks() {
        return true;
    }

    @Override
    public double[] represent(Answers answers) {
        int pairs = answers.count() / 2;
        double[] ddv = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            ddv[i] = 1 - Cosine.of(answers.row(i), answers.row(i + pairs));
        }
        return Cosine.normalized(ddv);
    }
}
