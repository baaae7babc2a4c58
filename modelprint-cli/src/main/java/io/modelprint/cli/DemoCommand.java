package io.modelprint.cli;

import io.modelprint.data.DatasetSource;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import java.util.Map;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole job on Fashion-MNIST: train a target (small VGG), extract 100 IPGuard points,"
                + " make a fine-tuned copy and an independently trained model, verify both.",
            "Finished steps are kept in --workdir and reused when the demo runs again."})
final class DemoCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--workdir", defaultValue = "modelprint-demo", description = "where models and the fingerprint go (default ${DEFAULT-VALUE})")
    Path workdir;

    @Option(names = "--epochs", defaultValue = "1", description = "training epochs for the target and the independent model (default ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--max-train", defaultValue = "0",
            description = "train on only the first N training images (0 = all; the fine-tuned copy uses at most 20,000)")
    int maxTrain;

    @Option(names = "--threshold", defaultValue = "" + Verifier.DEFAULT_THRESHOLD, description = "matching-rate threshold (default ${DEFAULT-VALUE})")
    double threshold;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (epochs <= 0 || maxTrain < 0) {
            throw new io.modelprint.InputException("--epochs must be > 0 and --max-train >= 0");
        }
        DatasetSource source = data.source();
        ImageDataset train = source.train();
        ImageDataset test = source.test();
        Path target = workdir.resolve("target-vgg");
        Path fingerprintFile = workdir.resolve("target-vgg.npz");
        Path fineTuned = workdir.resolve("suspect-finetuned");
        Path independent = workdir.resolve("suspect-independent");

        if (!usable(target)) {
            step("training the target (vgg, seed 1, " + epochs + " epoch(s))");
            train(Architecture.VGG, train, test, new TrainingConfig(epochs, 128, 1e-3f, 1, maxTrain), target);
        }
        Fingerprint fingerprint = fingerprint(target, train, fingerprintFile);
        if (!usable(fineTuned)) {
            step("fine-tuning a copy of the target (all layers, " + fineTuneImages() + " images, lr 1e-4)");
            try (Progress progress = Progress.start("fine-tune")) {
                TrainingRun.fineTuneAndSave(target, train, test, new TrainingConfig(1, 128, 1e-4f, 3, fineTuneImages()), fineTuned, progress);
            }
        }
        if (!usable(independent)) {
            step("training an independent model (vgg, seed 2, " + epochs + " epoch(s))");
            train(Architecture.VGG, train, test, new TrainingConfig(epochs, 128, 1e-3f, 2, maxTrain), independent);
        }
        Verifier verifier = new Verifier(threshold);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path suspect : List.of(fineTuned, independent)) {
            try (DjlClassifier model = ModelLoader.load(suspect, fingerprint.meta().inputSpec())) {
                Verdict verdict = verifier.verify(fingerprint, model);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("suspect", suspect.toString());
                row.put("testAccuracy", ModelLoader.readProvenance(suspect).testAccuracy());
                row.put("matchingRate", verdict.matchingRate());
                row.put("verdict", verdict.decision().label());
                rows.add(row);
            }
        }
        print(rows, ModelLoader.readProvenance(target).testAccuracy());
        return ExitCode.OK;
    }

    private int fineTuneImages() {
        return maxTrain > 0 ? Math.min(maxTrain, 20_000) : 20_000;
    }

    private Fingerprint fingerprint(Path target, ImageDataset train, Path file) {
        if (Files.exists(file)) {
            try {
                Fingerprint existing = FingerprintFile.read(file);
                if (existing.meta().targetSha256().equals(ModelLoader.readProvenance(target).weightsSha256())) {
                    return existing;
                }
            } catch (RuntimeException e) {
                step("rebuilding " + file + " (" + e.getMessage() + ")");
            }
        }
        step("extracting 100 IPGuard points (k=3, lr=0.01, TL)");
        Scheme<?> ipGuard = Schemes.create("ipguard", Map.of("n", 100), "demo"); // the defaults: k 3, lr 0.01, TL
        try (DjlClassifier model = ModelLoader.load(target, train.spec()); Progress progress = Progress.start("extract")) {
            FingerprintExtractor.Result result = FingerprintExtractor.extract(model, target.toString(), ipGuard,
                    SeedSource.fromData(train), 0, progress);
            FingerprintFile.write(file, result.fingerprint());
            step(String.format("%d/100 points converged in %.2f s -> %s", result.generated().convergedCount(), result.seconds(), file));
            return result.fingerprint();
        }
    }

    private static void train(Architecture arch, ImageDataset train, ImageDataset test, TrainingConfig config, Path out) {
        try (Progress progress = Progress.start("train")) {
            TrainingRun.Outcome outcome = TrainingRun.trainAndSave(arch, train, test, config, out, progress);
            step(String.format("test accuracy %.4f (%.0f s, %.0f images/s) -> %s", outcome.provenance().testAccuracy(),
                    outcome.training().seconds(), outcome.training().imagesPerSecond(), out));
        }
    }

    /** A finished model from an earlier run: provenance present and weights matching their hash. */
    private static boolean usable(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try {
            ModelLoader.checkIntact(dir);
            step("reusing " + dir);
            return true;
        } catch (RuntimeException e) {
            step("rebuilding " + dir + " (" + e.getMessage() + ")");
            return false;
        }
    }

    private static void step(String message) {
        System.err.println("demo: " + message);
    }

    private void print(List<Map<String, Object>> rows, double targetAccuracy) {
        if (format.json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("targetAccuracy", targetAccuracy);
            doc.put("threshold", threshold);
            doc.put("results", rows);
            JsonOutput.print(doc);
            return;
        }
        System.out.printf("target: vgg, test accuracy %.4f; fingerprint: 100 IPGuard points; threshold %.2f%n", targetAccuracy, threshold);
        System.out.printf("%-40s  %8s  %13s  %s%n", "suspect", "accuracy", "matching rate", "verdict");
        for (Map<String, Object> r : rows) {
            System.out.printf("%-40s  %8.4f  %13.2f  %s%n", r.get("suspect"), (Double) r.get("testAccuracy"),
                    (Double) r.get("matchingRate"), r.get("verdict"));
        }
    }
}
