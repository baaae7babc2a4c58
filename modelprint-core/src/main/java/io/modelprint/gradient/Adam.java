package io.modelprint.gradient;

import ai.djl.ndarray.NDArray;

/**
 * Adam (Kingma and Ba 2014) on an input-shaped variable, in place, with its moment estimates held by
 * the loop as per-point arrays; temporaries are closed here.
 */
public final class Adam {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final PointArray m;
    private final PointArray v;
    private final float learningRate;

    /** Zero moments shaped like {@code variable}, held by {@code loop}. */
    public Adam(ActiveBatchLoop loop, NDArray variable, float learningRate) {
        this.m = loop.track(variable.zerosLike());
        this.v = loop.track(variable.zerosLike());
        this.learningRate = learningRate;
    }

    /** The update after loop step {@code step} (Adam's time step is {@code step + 1}); returns {@code variable}. */
    public NDArray step(NDArray variable, NDArray grad, int step) {
        int t = step + 1;
        try (NDArray scaled = grad.mul(1 - BETA1)) {
            m.get().muli(BETA1).addi(scaled);
        }
        try (NDArray squared = grad.square()) {
            v.get().muli(BETA2).addi(squared.muli(1 - BETA2));
        }
        float correction1 = 1 - (float) Math.pow(BETA1, t);
        float correction2 = 1 - (float) Math.pow(BETA2, t);
        try (NDArray vHat = v.get().div(correction2); NDArray root = vHat.sqrt(); NDArray update = m.get().div(correction1)) {
            root.addi(EPSILON);
            variable.subi(update.divi(root).muli(learningRate));
        }
        return variable;
    }
}
