package io.modelprint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The principals of registry serve, from the shell of whoever holds the database (the first admin is made here). */
@Command(name = "principal", mixinStandardHelpOptions = true,
        description = {"Principals of registry serve and their bearer tokens. Made here by whoever holds the database (the first"
                + " admin); afterwards an admin makes the others over the API (POST /api/v1/principals)."},
        subcommands = {RegistryPrincipalAddCommand.class, RegistryPrincipalListCommand.class})
final class RegistryPrincipalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a principal command is required: add or list");
    }
}
