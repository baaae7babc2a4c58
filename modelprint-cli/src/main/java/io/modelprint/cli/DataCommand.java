package io.modelprint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Data sets modelprint can make on this machine. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Make a data set on this machine: colour-fashion (Fashion-MNIST coloured to 3x32x32, in CIFAR-10's format).",
        subcommands = {DataColourFashionCommand.class})
final class DataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a data command is required: colour-fashion");
    }
}
