package io.modelprint.scheme.sac;

import io.modelprint.scheme.Distance;

/** SAC's distance turned into a similarity: 1 - mean |A_ij - B_ij| over the two matrices, in [0,1]. */
public final class MeanAbsoluteAgreement implements Distance<float[]> {
    @Override
    public String name() {
        return "one-minus-mean-absolute-difference";
    }

    @Override
    public double similarity(float[] fingerprint, float[] suspect) {
        if (fingerprint.length != suspect.length || fingerprint.length == 0) {
            throw new IllegalArgumentException("matrices differ in size: " + fingerprint.length + " vs " + suspect.length);
        }
        double sum = 0;
        for (int i = 0; i < fingerprint.length; i++) {
            sum += Math.abs(fingerprint[i] - suspect[i]);
        }
        return 1 - sum / fingerprint.length;
    }
}
