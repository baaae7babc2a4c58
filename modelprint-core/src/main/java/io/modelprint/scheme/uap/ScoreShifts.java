package io.modelprint.scheme.uap;

import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Representation;

/**
 * How the UAP moves a model's scores: for each pair (i, i + n/2), f(x_i + v) − f(x_i), each row
 * centred first (minus its mean over classes) so that logits and log-probabilities, which differ by
 * a constant per row, give the same shift. One block of `classes` values per data point.
 */
public final class ScoreShifts implements Representation<double[]> {
    @Override
    public String name() {
        return "uap-score-shifts";
    }

    @Override
    public Access access() {
        return Access.SCORES;
    }

    @Override
    public double[] represent(Answers answers) {
        int pairs = answers.count() / 2;
        int classes = answers.classes();
        double[] shifts = new double[pairs * classes];
        for (int i = 0; i < pairs; i++) {
            float[] clean = answers.row(i);
            float[] moved = answers.row(i + pairs);
            double mean = 0;
            for (int c = 0; c < classes; c++) {
                mean += (double) moved[c] - clean[c];
            }
            mean /= classes;
            for (int c = 0; c < classes; c++) {
                shifts[i * classes + c] = (double) moved[c] - clean[c] - mean;
            }
        }
        return shifts;
    }
}
