package io.modelprint.cli;

import io.modelprint.data.DatasetSource;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.lab.fleet.FleetPreset;
import io.modelprint.lab.zoo.ZooBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build (or finish building) an owner's fleet for a target.",
            "Resumable: kill it at any point; the next run keeps every finished model whose weights still match the"
                    + " manifest and builds only what is missing."})
final class FleetBuildCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "TARGET_DIR", description = "the target: a modelprint model directory")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "fleet directory (new, or a fleet of this target to finish)")
    Path out;

    @Option(names = "--preset", defaultValue = "quick", completionCandidates = Choices.Presets.class,
            description = "${COMPLETION-CANDIDATES}: quick (minutes for a small target) or paper (more of every kind); default ${DEFAULT-VALUE}")
    String preset;

    @Option(names = "--seed", defaultValue = "0", description = "base seed; the same preset and seed rebuild the same fleet")
    long seed;

    @Mixin
    DataOptions data;

    @Mixin
    WorkersOption workers;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        FleetPreset chosen = FleetPreset.of(preset);
        ZooBuilder builder = new ZooBuilder(chosen, seed, out, System.err, workers.count());
        ModelProvenance target = builder.check(model); // bad --model or --out refused before the data is read
        DatasetSource source = data.source();
        if (target.dataset() != null && !target.dataset().equals(source.train().name())) {
            System.err.printf("fleet: warning: the target was trained on %s; this fleet trains its models on %s%n", target.dataset(),
                    source.train().name());
        }
        try (Progress progress = Progress.start("fleet")) {
            builder.build(source.train(), source.test(), null, model, progress);
        }
        FleetListCommand.print(FleetDirectory.open(out, out.toString()), out, format.json());
        return ExitCode.OK;
    }
}
