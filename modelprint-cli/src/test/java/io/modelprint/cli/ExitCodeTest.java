package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.modelprint.InputException;
import io.modelprint.gradient.UnreliableGradientsException;
import org.junit.jupiter.api.Test;

/** The exit-code contract: only bad input is 2; wrong gradients 4; anything else 3. */
class ExitCodeTest {
    @Test
    void exceptionsMapToTheDocumentedCodes() {
        assertEquals(ExitCode.BAD_INPUT, Main.exitCodeOf(new InputException("--n must be > 0")));
        assertEquals(ExitCode.BAD_INPUT, Main.exitCodeOf(new io.modelprint.model.remote.ProtocolException("bad answer")));
        assertEquals(ExitCode.UNRELIABLE_GRADIENTS, Main.exitCodeOf(new UnreliableGradientsException("gradients disagree")));
        assertEquals(ExitCode.INTERNAL_ERROR, Main.exitCodeOf(new IllegalArgumentException("a bug, not the user's input")));
        assertEquals(ExitCode.INTERNAL_ERROR, Main.exitCodeOf(new java.io.UncheckedIOException(new java.io.IOException("disk"))));
        assertEquals(ExitCode.INTERNAL_ERROR, Main.exitCodeOf(new NullPointerException()));
    }

    @Test
    void anUnknownOptionIsBadInputThroughMain() {
        assertEquals(ExitCode.BAD_INPUT, CliRunner.run("verify", "--no-such-flag").exitCode());
    }
}
