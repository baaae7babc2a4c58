package io.modelprint.gradient;

/**
 * The engine's input gradients cannot be trusted on this machine: they disagree with finite
 * differences ({@link GradientCheck}) or stay NaN/infinite where the objective is finite
 * ({@link InputGradient}). The CLI exits with code 4 for it, and the launcher reruns the command with
 * slower but correct kernels.
 */
public final class UnreliableGradientsException extends IllegalStateException {
    /** What to do about it, for messages. */
    public static final String ADVICE = "On CPUs where oneDNN's AVX2/AVX-512 backward convolution is wrong for few output channels,"
            + " run with ONEDNN_MAX_CPU_ISA=SSE41 (the modelprint launcher does this by itself when it sees this error)";

    public UnreliableGradientsException(String message) {
        super(message);
    }
}
