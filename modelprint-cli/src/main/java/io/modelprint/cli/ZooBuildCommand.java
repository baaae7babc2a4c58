package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.DatasetSource;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.zoo.Preset;
import io.modelprint.lab.zoo.ZooBuilder;
import io.modelprint.lab.zoo.ZooManifest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build (or finish building) a suspect zoo.",
            "Resumable: kill it at any point; the next run keeps every finished model whose weights still match the"
                    + " manifest and builds only what is missing."})
final class ZooBuildCommand implements Callable<Integer> {
    @Option(names = "--preset", required = true, completionCandidates = Choices.Presets.class,
            description = "${COMPLETION-CANDIDATES}: quick (minutes) or paper (the paper's counts)")
    String preset;

    @Option(names = "--target", description = "an existing modelprint model directory to use as the target")
    Path target;

    @Option(names = "--target-arch", defaultValue = "vgg", description = "architecture of the target to train when no --target (default ${DEFAULT-VALUE})")
    String targetArch;

    @Option(names = "--out", description = "zoo directory (default zoo-PRESET)")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "base seed; the same preset and seed rebuild the same zoo")
    long seed;

    @Mixin
    DataOptions data;

    @Mixin
    WorkersOption workers;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        Preset chosen = Preset.of(preset);
        Architecture arch = Architecture.parse(targetArch);
        if (target != null && !java.nio.file.Files.isDirectory(target)) {
            throw new InputException("--target " + target + ": not a modelprint model directory");
        }
        Path dir = out != null ? out : Path.of("zoo-" + chosen.name());
        ZooBuilder builder = new ZooBuilder(chosen, seed, dir, System.err, workers.count());
        builder.check(target); // a bad --target or --out refused before the data is read
        DatasetSource source = data.source();
        ZooManifest manifest;
        try (Progress progress = Progress.start("zoo")) {
            manifest = builder.build(source.train(), source.test(), arch, target, progress);
        }
        if (format.json()) {
            JsonOutput.print(manifest);
        } else {
            ZooListCommand.printTable(manifest);
        }
        return ExitCode.OK;
    }
}
