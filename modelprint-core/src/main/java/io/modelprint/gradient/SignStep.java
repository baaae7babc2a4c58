package io.modelprint.gradient;

import ai.djl.ndarray.NDArray;

/** The step of FGSM, IGSM and PGD, in place: every coordinate moves by a fixed size, by its gradient's sign. */
public final class SignStep {
    private SignStep() {}

    /** {@code x} − size · sign(gradient): down the loss. */
    public static NDArray descend(NDArray x, NDArray gradient, float size) {
        try (NDArray sign = gradient.sign()) {
            return x.subi(sign.muli(size));
        }
    }

    /** {@code x} + size · sign(gradient): up the loss. */
    public static NDArray ascend(NDArray x, NDArray gradient, float size) {
        try (NDArray sign = gradient.sign()) {
            return x.addi(sign.muli(size));
        }
    }
}
