package io.modelprint.model;

/**
 * Rows of logits or scores, flat [rows * classes] as engines and servers return them. Of equal
 * highest (lowest) scores the first class wins; a NaN never wins over a class before it.
 */
public final class Logits {
    private Logits() {}

    /** The class with the highest score in {@code row}. */
    public static int argmax(float[] scores, int row, int classes) {
        int offset = row * classes;
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (scores[offset + c] > scores[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The class with the highest score in every row: the top-1 labels. */
    public static long[] argmax(float[] scores, int classes) {
        long[] labels = new long[scores.length / classes];
        for (int row = 0; row < labels.length; row++) {
            labels[row] = argmax(scores, row, classes);
        }
        return labels;
    }

    /** The class with the lowest score in {@code row}. */
    public static int argmin(float[] scores, int row, int classes) {
        int offset = row * classes;
        int worst = 0;
        for (int c = 1; c < classes; c++) {
            if (scores[offset + c] < scores[offset + worst]) {
                worst = c;
            }
        }
        return worst;
    }
}
