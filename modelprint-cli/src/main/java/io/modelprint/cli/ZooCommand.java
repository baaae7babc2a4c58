package io.modelprint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The suspect zoo: build it, list it. */
@Command(name = "zoo", mixinStandardHelpOptions = true,
        description = "Build and list the suspect zoo: post-processed copies of a target (positives), students"
                + " extracted from it (extraction) and independent models (negatives).",
        subcommands = {ZooBuildCommand.class, ZooListCommand.class})
final class ZooCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a zoo command is required: build or list");
    }
}
