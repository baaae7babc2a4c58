package io.modelprint.scheme.sac;

import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Representation;

/**
 * SAC's sample correlation: the n x n matrix of how alike the model's answers on each pair of
 * queries are. From scores: C_ij = (1 + cos(z_i, z_j)) / 2 of the output rows (SAC's 1 - (1 - cos)/2);
 * label-only (hard): C_ij = 1 when the labels of i and j agree, else 0. Row-major float[n*n].
 */
public final class CorrelationMatrix implements Representation<float[]> {
    private final boolean hard;

    public CorrelationMatrix(boolean hard) {
        this.hard = hard;
    }

    @Override
    public String name() {
        return hard ? "label-agreement-matrix" : "cosine-correlation-matrix";
    }

    @Override
    public Access access() {
        return hard ? Access.LABELS : Access.SCORES;
    }

    /** Query x query, whatever the output width: models of other tasks compare (SAC's transfer-learning case). */
    @Override
    public boolean comparesAcrossTasks() {
        return true;
    }

    @Override
    public float[] represent(Answers answers) {
        int n = answers.count();
        float[] matrix = new float[n * n];
        if (hard) {
            long[] labels = answers.labels();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    matrix[i * n + j] = labels[i] == labels[j] ? 1f : 0f;
                }
            }
            return matrix;
        }
        int classes = answers.classes();
        double[][] unit = new double[n][classes];
        for (int i = 0; i < n; i++) {
            double norm = 0;
            for (int c = 0; c < classes; c++) {
                double v = answers.scores()[i * classes + c];
                unit[i][c] = v;
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < classes && norm > 0; c++) {
                unit[i][c] /= norm;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double dot = 0;
                for (int c = 0; c < classes; c++) {
                    dot += unit[i][c] * unit[j][c];
                }
                float value = (float) ((1 + dot) / 2);
                matrix[i * n + j] = value;
                matrix[j * n + i] = value;
            }
        }
        return matrix;
    }
}
