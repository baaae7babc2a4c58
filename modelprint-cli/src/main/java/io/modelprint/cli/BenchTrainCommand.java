package io.modelprint.cli;

import ai.djl.Model;
import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.ProgressListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Measure training throughput (images/s) of an architecture; a short warm-up is not counted.")
final class BenchTrainCommand implements Callable<Integer> {
    @Option(names = "--arch", defaultValue = "lenet5", completionCandidates = Choices.Architectures.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String arch;

    @Option(names = "--images", defaultValue = "20000", description = "training images to time (default ${DEFAULT-VALUE})")
    int images;

    @Option(names = "--batch-size", defaultValue = "128")
    int batchSize;

    @Mixin
    DataOptions data;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (images <= 0) {
            throw new InputException("--images must be > 0, got " + images);
        }
        Architecture architecture = Architecture.parse(arch);
        ImageDataset train = data.source().train();
        EngineSetup.seed(0);
        ModelTrainer.Result result;
        try (Model model = ModelLoader.newModel(architecture, train.spec(), train.numClasses(), "bench")) {
            ModelTrainer.fit(model, train.head(Math.min(2_000, images)), new TrainingConfig(1, batchSize, 1e-3f, 0, 0), ProgressListener.NONE);
            result = ModelTrainer.fit(model, train, new TrainingConfig(1, batchSize, 1e-3f, 1, images), ProgressListener.NONE);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("arch", architecture.cliName());
        doc.put("images", result.images());
        doc.put("batchSize", batchSize);
        doc.put("seconds", result.seconds());
        doc.put("imagesPerSecond", result.imagesPerSecond());
        if (format.json()) {
            JsonOutput.print(doc);
        } else {
            System.out.printf("%s: %d images in %.2f s = %.0f images/s (batch %d)%n", architecture.cliName(), result.images(),
                    result.seconds(), result.imagesPerSecond(), batchSize);
        }
        return ExitCode.OK;
    }
}
