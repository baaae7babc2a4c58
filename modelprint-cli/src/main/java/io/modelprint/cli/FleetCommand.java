package io.modelprint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The owner's fleet: build it, list it. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Build and list an owner's fleet for a target: surrogates (models derived from it, standing for thieves)"
                + " and references (independent models, standing for honest competitors).",
        subcommands = {FleetBuildCommand.class, FleetListCommand.class})
final class FleetCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a fleet command is required: build or list");
    }
}
