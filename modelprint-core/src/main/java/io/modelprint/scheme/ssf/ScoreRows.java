package io.modelprint.scheme.ssf;

import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Representation;

/** The raw scores per query, one row of logits each: what ssf compares, with nothing computed from them. */
final class ScoreRows implements Representation<float[][]> {
    @Override
    public String name() {
        return "score-rows";
    }

    @Override
    public Access access() {
        return Access.SCORES;
    }

    @Override
    public float[][] represent(Answers answers) {
        float[][] rows = new float[answers.count()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = answers.row(i);
        }
        return rows;
    }
}
