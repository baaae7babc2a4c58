package io.modelprint.scheme.boundary;

import ai.djl.ndarray.NDArray;

/** Adam (Kingma and Ba 2014) on an input-shaped variable, in place; temporaries are closed here. */
final class Adam {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private Adam() {}

    /** One step at time {@code t} (1-based) on {@code variable} with moment estimates {@code m}, {@code v}. */
    static void step(NDArray variable, NDArray grad, NDArray m, NDArray v, int t, float learningRate) {
        try (NDArray scaled = grad.mul(1 - BETA1)) {
            m.muli(BETA1).addi(scaled);
        }
        try (NDArray squared = grad.square()) {
            v.muli(BETA2).addi(squared.muli(1 - BETA2));
        }
        float correction1 = 1 - (float) Math.pow(BETA1, t);
        float correction2 = 1 - (float) Math.pow(BETA2, t);
        try (NDArray vHat = v.div(correction2); NDArray root = vHat.sqrt(); NDArray update = m.div(correction1)) {
            root.addi(EPSILON);
            variable.subi(update.divi(root).muli(learningRate));
        }
    }
}
