package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A word where a command belongs is refused by name with the commands there are, --help or not. */
class UnknownCommandTest {
    private static void assertUnknown(String expectedMessage, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(ExitCode.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("modelprint: " + expectedMessage + "\n"), r.err());
        assertTrue(r.out().isEmpty(), "no help on stdout: " + r.out());
    }

    @Test
    void anUnknownCommandIsRefusedEvenWithHelp() {
        String main = "unknown command 'nosuch' (modelprint has: train, extract, verify, calibrate, serve, info, keys, sign,"
                + " registry, scan, demo, zoo, fleet, bench, data, help)";
        assertUnknown(main, "nosuch", "--help");
        assertUnknown(main, "--help", "nosuch");
        assertUnknown(main, "nosuch");
    }

    @Test
    void anUnknownSubcommandIsRefusedNamingItsParentsCommands() {
        assertUnknown("unknown command 'nosuch' (modelprint registry has: add, list, show, export, remove, log, principal, serve)",
                "registry", "nosuch", "--help");
        assertUnknown("unknown command 'lst' (modelprint zoo has: build, list)", "zoo", "lst");
    }

    @Test
    void helpOfKnownCommandsStillSucceeds() {
        for (String[] args : new String[][] {{"--help"}, {"registry", "--help"}, {"registry", "log", "--help"}}) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(ExitCode.OK, r.exitCode(), r.err());
            assertTrue(r.out().startsWith("Usage: modelprint"), r.out());
        }
    }
}
