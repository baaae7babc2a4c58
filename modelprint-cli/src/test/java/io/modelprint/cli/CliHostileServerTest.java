package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.testing.LoopbackServer;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile prediction API says is shown, never obeyed: no terminal control reaches the screen. */
class CliHostileServerTest {
    @TempDir
    Path dir;

    @Test
    void aServersErrorTextCannotPrintAFakeRowOrEscapeSequences() throws IOException {
        Path data = SyntheticData.writeFashionMnistLike(dir.resolve("data"), 200, 50, 28);
        Path target = dir.resolve("target");
        assertEquals(0, CliRunner.run("train", "--arch", "mlp", "--data", data.toString(), "--epochs", "1", "--out",
                target.toString()).exitCode());
        Path fp = dir.resolve("fp.npz");
        assertEquals(0, CliRunner.run("extract", "--model", target.toString(), "--n", "10", "--max-iter", "50", "--data",
                data.toString(), "--out", fp.toString()).exitCode());
        String lie = "{\"error\":\"no\\n\\u001b[32mhttp://other/v2/models/x          1.00  derived\\u001b[0m\"}";
        try (LoopbackServer server = new LoopbackServer(exchange -> {
            // read the request first: answering and closing while the client still sends its body can reset the
            // connection before the client reads the answer (seen once in CI as "bytes received: 0")
            exchange.getRequestBody().readAllBytes();
            LoopbackServer.send(exchange, exchange.getRequestURI().getPath().endsWith("/infer") ? 400 : 404, "application/json", lie);
        })) {
            CliRunner.Result r = CliRunner.run("verify", "--fingerprint", fp.toString(), "--no-cache", "--retries", "0",
                    server.modelUrl("m"));
            assertEquals(ExitCode.PARTIAL_FAILURE, r.exitCode(), r.out() + r.err());
            assertFalse(r.out().contains("\u001b"), "no escape character reaches stdout: " + r.out());
            assertEquals(4, r.out().lines().count(), "who signed, header, the one error row, the calibration note: " + r.out());
            assertTrue(r.out().contains("no\\n\\x1b[32mhttp://other"), r.out());
        }
    }

    @Test
    void controlCharactersAreShownEscaped() {
        assertEquals("a\\nb\\x1b[1mc\\x07", Terminal.safe("a\nb\u001b[1mc\u0007"));
        assertEquals("plain – ünïcode", Terminal.safe("plain – ünïcode"));
    }
}
