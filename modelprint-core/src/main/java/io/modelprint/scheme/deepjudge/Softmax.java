package io.modelprint.scheme.deepjudge;

/** Probabilities from one row of logits, computed stably (the largest logit subtracted first). */
final class Softmax {
    private Softmax() {}

    static double[] of(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            p[c] = Math.exp(logits[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < p.length; c++) {
            p[c] /= sum;
        }
        return p;
    }
}
