package io.modelprint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The fingerprint registry: a database of owners' fingerprints and the evidence log of every check. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = {"Keep fingerprints in a database (SQLite file, or PostgreSQL) for scan, and read the evidence log:",
            "every check scan and verify --db make, each record hash-chained to the one before it."},
        subcommands = {RegistryAddCommand.class, RegistryListCommand.class, RegistryShowCommand.class, RegistryExportCommand.class,
            RegistryRemoveCommand.class, RegistryLogCommand.class, RegistryPrincipalCommand.class,
            RegistryServeCommand.class})
final class RegistryCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a registry command is required: add, list, show, export, remove, log, principal or serve");
    }
}
