package io.modelprint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Owners' (and registries') signing keys. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Make an Ed25519 key pair: owners sign their fingerprints with it (extract/calibrate --sign, sign), and a"
                + " registry signs its evidence log with one."},
        subcommands = KeysNewCommand.class)
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a keys command is required: new");
    }
}
