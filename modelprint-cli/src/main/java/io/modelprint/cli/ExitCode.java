package io.modelprint.cli;

/** What the process exit code says. */
public final class ExitCode {
    /** Everything asked was done. */
    public static final int OK = 0;
    /** The command ran, but at least one suspect could not be verified (see its error). */
    public static final int PARTIAL_FAILURE = 1;
    /** Bad arguments or input files: the message names what and where. */
    public static final int BAD_INPUT = 2;
    /** A bug or an environment failure; the message says what happened. */
    public static final int INTERNAL_ERROR = 3;

    /**
     * The engine's input gradients cannot be trusted on this machine (an UnreliableGradientsException:
     * they failed GradientCheck or stayed NaN); the launcher reruns the command once with
     * ONEDNN_MAX_CPU_ISA=SSE41.
     */
    public static final int UNRELIABLE_GRADIENTS = 4;

    /** {@code registry log verify}: the evidence log's hash chain is broken (a record was changed or removed). */
    public static final int EVIDENCE_BROKEN = 5;

    private ExitCode() {}
}
