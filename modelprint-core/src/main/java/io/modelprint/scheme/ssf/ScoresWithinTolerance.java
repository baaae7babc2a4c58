package io.modelprint.scheme.ssf;

import io.modelprint.scheme.Distance;
import io.modelprint.scheme.SimilarityRange;

/**
 * ssf's comparison: a sample matches when every score of the suspect is within {@code tolerance} x
 * max(1, max_c |t_c|) of the target's t (the stored row), the share of matching samples is the
 * similarity, and only all of them (1) reads "unmodified". The scale makes the tolerance relative to
 * the logits' size, as float rounding is (docs/schemes.md, "ssf": how the default was measured).
 */
final class ScoresWithinTolerance implements Distance<float[][]> {
    private final float tolerance;

    ScoresWithinTolerance(float tolerance) {
        this.tolerance = tolerance;
    }

    @Override
    public String name() {
        return "scores-within-tolerance";
    }

    @Override
    public double similarity(float[][] fingerprint, float[][] suspect) {
        return (double) matches(fingerprint, suspect) / fingerprint.length;
    }

    @Override
    public SimilarityRange range() {
        return SimilarityRange.UNIT;
    }

    @Override
    public Integer matches(float[][] fingerprint, float[][] suspect) {
        if (fingerprint.length != suspect.length || fingerprint.length == 0) {
            throw new IllegalArgumentException("score rows differ in number or are none: " + fingerprint.length + " vs " + suspect.length);
        }
        int within = 0;
        for (int i = 0; i < fingerprint.length; i++) {
            within += relativeDifference(fingerprint[i], suspect[i]) <= tolerance ? 1 : 0;
        }
        return within;
    }

    /** max_c |s_c − t_c| / max(1, max_c |t_c|); infinite when the rows differ in length (another task). */
    static double relativeDifference(float[] target, float[] suspect) {
        if (target.length != suspect.length) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = 1;
        double worst = 0;
        for (int c = 0; c < target.length; c++) {
            scale = Math.max(scale, Math.abs(target[c]));
            worst = Math.max(worst, Math.abs((double) suspect[c] - target[c]));
        }
        return worst / scale;
    }
}
