package io.modelprint.scheme.modelgif;

import io.modelprint.scheme.Distance;
import io.modelprint.scheme.GradientField;

/**
 * ModelGiF's similarity of two gradient fields: the cosine of the two models' fields at each sample
 * and path step, averaged over all of them (the paper's distance is 1 minus this); [-1, 1]. A point
 * where either field is zero counts 0.
 */
public final class MeanFieldCosine implements Distance<GradientField> {
    @Override
    public String name() {
        return "mean-field-cosine";
    }

    @Override
    public double similarity(GradientField fingerprint, GradientField suspect) {
        if (fingerprint.samples() != suspect.samples() || fingerprint.steps() != suspect.steps()
                || fingerprint.pixels() != suspect.pixels() || fingerprint.samples() == 0) {
            throw new IllegalArgumentException("gradient fields differ in shape: " + shape(fingerprint) + " vs " + shape(suspect));
        }
        int rows = fingerprint.samples() * fingerprint.steps();
        int size = fingerprint.pixels();
        float[] a = fingerprint.values();
        float[] b = suspect.values();
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int p = r * size; p < (r + 1) * size; p++) {
                dot += (double) a[p] * b[p];
                na += (double) a[p] * a[p];
                nb += (double) b[p] * b[p];
            }
            sum += na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
        }
        return sum / rows;
    }

    private static String shape(GradientField f) {
        return f.samples() + " x " + f.steps() + " x " + f.pixels();
    }
}
