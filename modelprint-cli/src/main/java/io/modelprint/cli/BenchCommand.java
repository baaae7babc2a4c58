package io.modelprint.cli;

import picocli.CommandLine.Command;

/** Benchmarks anyone can rerun; numbers go to notes and reports, never into test assertions. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: extraction time and training throughput.",
        subcommands = {BenchExtractCommand.class, BenchTrainCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a benchmark is required: extract or train");
    }
}
