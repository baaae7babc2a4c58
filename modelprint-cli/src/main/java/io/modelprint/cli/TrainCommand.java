package io.modelprint.cli;

import io.modelprint.InputException;

import io.modelprint.data.DatasetSource;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a classifier and save it with its provenance (arch, data, seed, epochs, accuracy, weights SHA-256).")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--arch", required = true, completionCandidates = Choices.Architectures.class,
            description = "${COMPLETION-CANDIDATES}")
    String arch;

    @Mixin
    DataOptions data;

    @Option(names = "--epochs", defaultValue = "2", description = "passes over the training data (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seed", defaultValue = "0", description = "seed for initialization and shuffling (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--batch-size", defaultValue = "128", description = "minibatch size (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE})")
    float learningRate;

    @Option(names = "--max-train", defaultValue = "0", description = "use only the first N training images (0 = all)")
    int maxTrain;

    @Option(names = "--out", required = true, description = "model directory to write (replaced atomically)")
    Path out;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        OutputPaths.requireWritable(out, "--out");
        Architecture architecture = Architecture.parse(arch);
        TrainingConfig config = new TrainingConfig(epochs, batchSize, learningRate, seed, maxTrain);
        if (maxTrain < 0) {
            throw new InputException("--max-train must be >= 0, got " + maxTrain);
        }
        DatasetSource source = data.source();
        ImageDataset train = source.train();
        ImageDataset test = source.test();
        TrainingRun.Outcome outcome;
        try (Progress progress = Progress.start("train " + arch)) {
            outcome = TrainingRun.trainAndSave(architecture, train, test, config, out, progress);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("output", out.toString());
        result.put("arch", architecture.cliName());
        result.put("testAccuracy", outcome.provenance().testAccuracy());
        result.put("seconds", outcome.training().seconds());
        result.put("imagesPerSecond", outcome.training().imagesPerSecond());
        result.put("weightsSha256", outcome.provenance().weightsSha256());
        if (format.json()) {
            JsonOutput.print(result);
        } else {
            System.out.printf("trained %s on %s in %.1f s (%.0f images/s); test accuracy %.4f -> %s%n",
                    architecture.cliName(), train.name(), outcome.training().seconds(),
                    outcome.training().imagesPerSecond(), outcome.provenance().testAccuracy(), out);
        }
        return ExitCode.OK;
    }
}
