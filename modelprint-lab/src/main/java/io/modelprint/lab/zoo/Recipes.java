package io.modelprint.lab.zoo;


import ai.djl.Model;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.OnnxExport;
import io.modelprint.io.Sha256;
import io.modelprint.engine.RandomForestClassifier;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.attack.AdversarialExtraction;
import io.modelprint.lab.attack.Distillation;
import io.modelprint.lab.attack.TransferLearning;
import io.modelprint.lab.attack.TransferTask;
import io.modelprint.lab.attack.PostProcessing;
import io.modelprint.lab.evasive.DefendedClassifier;
import io.modelprint.lab.evasive.Defense;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.modelprint.scheme.Labels;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import java.util.Random;

/** The recipes the presets combine: train, post-process the target, distill it, grow a forest. */
public final class Recipes {
    private Recipes() {}

    public static Recipe train(Architecture arch, TrainingConfig config) {
        return (context, out, extra, progress) ->
                TrainingRun.trainAndSave(arch, context.train(), context.test(), config, out, extra, progress).provenance();
    }

    public static Recipe postProcess(PostProcessing attack, TrainingConfig config) {
        return (context, out, extra, progress) -> {
            ModelProvenance parent = ModelLoader.checkIntact(context.target());
            try (DjlClassifier target = ModelLoader.load(context.target(), parent.inputSpec())) {
                Model model = target.model();
                ModelTrainer.Result result = attack.apply(model, context.train(), config, progress);
                return TrainingRun.save(model, Architecture.parse(parent.arch()), context.train(), context.test(), config,
                        result, out, context.zooDir().relativize(context.target()).toString(), extra);
            }
        };
    }

    public static Recipe distill(Distillation attack, Architecture student, TrainingConfig config) {
        return (context, out, extra, progress) -> {
            ModelProvenance parent = ModelLoader.checkIntact(context.target());
            EngineSetup.seed(config.seed());
            try (DjlClassifier target = ModelLoader.load(context.target(), parent.inputSpec());
                    Model model = ModelLoader.newModel(student, parent.inputSpec(), parent.numClasses(), out.getFileName().toString())) {
                ModelTrainer.Result result = attack.apply(model, target, context.train(), config, progress);
                return TrainingRun.save(model, student, context.train(), context.test(), config, result, out,
                        context.zooDir().relativize(context.target()).toString(), extra);
            }
        };
    }

    /** The target's body under a new head for another task ({@code attack}'s), trained on that task. */
    static Recipe transfer(TransferLearning attack, TrainingConfig config) {
        return (context, out, extra, progress) -> {
            ModelProvenance parent = ModelLoader.checkIntact(context.target());
            Architecture arch = Architecture.parse(parent.arch());
            try (DjlClassifier target = ModelLoader.load(context.target(), parent.inputSpec());
                    Model copy = ModelLoader.newModel(arch, parent.inputSpec(), attack.task().classes(), out.getFileName().toString())) {
                ModelTrainer.Result result = attack.apply(target.model(), copy, context.train(), config, progress);
                return TrainingRun.save(copy, arch, attack.task().relabel(context.train()), attack.task().relabel(context.test()),
                        config, result, out, context.zooDir().relativize(context.target()).toString(), extra);
            }
        };
    }

    /** A model trained from scratch on another task (the transfer family's negatives). */
    static Recipe trainOnTask(Architecture arch, TransferTask task, TrainingConfig config) {
        return (context, out, extra, progress) -> TrainingRun.trainAndSave(arch, task.relabel(context.train()),
                task.relabel(context.test()), config, out, extra, progress).provenance();
    }

    /**
     * The target exported to ONNX ({@link OnnxCopy}); the manifest's accuracy is the one measured
     * through ONNX Runtime on the whole test split.
     */
    static Recipe onnx(TrainingConfig config) {
        return (context, out, extra, progress) -> {
            ModelProvenance parent = ModelLoader.checkIntact(context.target());
            try (DjlClassifier target = ModelLoader.load(context.target(), parent.inputSpec())) {
                byte[] onnx = OnnxExport.export(target.model(), parent.inputSpec(), parent.numClasses());
                Path staged = java.nio.file.Files.createTempFile(context.zooDir(), ".onnx.", ".part");
                try {
                    java.nio.file.Files.write(staged, onnx);
                    double accuracy;
                    try (io.modelprint.model.Classifier runtime = ModelLoader.loadClassifier(staged, parent.inputSpec(),
                            io.modelprint.engine.ModelEngine.ONNXRUNTIME)) {
                        accuracy = accuracy(runtime, context.test());
                    }
                    Map<String, Object> recorded = new LinkedHashMap<>(extra);
                    recorded.put(OnnxCopy.SHA256, Sha256.hex(onnx));
                    recorded.put(OnnxCopy.ACCURACY, accuracy);
                    ModelProvenance saved = TrainingRun.save(target.model(), Architecture.parse(parent.arch()), context.train(),
                            context.test(), config, new ModelTrainer.Result(0, 0, Float.NaN), out,
                            context.zooDir().relativize(context.target()).toString(), recorded);
                    java.nio.file.Files.move(staged, out.resolve(OnnxCopy.FILE_NAME));
                    return saved.withTestAccuracy(accuracy);
                } finally {
                    java.nio.file.Files.deleteIfExists(staged);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the ONNX copy to " + out + ": " + e.getMessage(), e);
            }
        };
    }

    /** A label-extracted student of the zoo ({@code student}), trained further adversarially on the target's labels. */
    public static Recipe adversarial(AdversarialExtraction attack, String student, TrainingConfig config) {
        return (context, out, extra, progress) -> {
            ModelProvenance parent = ModelLoader.checkIntact(context.target());
            Path studentDir = context.zooDir().resolve(student);
            ModelProvenance studentProvenance = ModelLoader.checkIntact(studentDir);
            EngineSetup.seed(config.seed());
            try (DjlClassifier target = ModelLoader.load(context.target(), parent.inputSpec());
                    DjlClassifier copy = ModelLoader.load(studentDir, parent.inputSpec())) {
                ModelTrainer.Result result = attack.apply(copy.model(), target, context.train(), config, progress);
                return TrainingRun.save(copy.model(), Architecture.parse(studentProvenance.arch()), context.train(), context.test(),
                        config, result, out, context.zooDir().relativize(studentDir).toString(), extra);
            }
        };
    }

    /**
     * A copy of the target to be served behind {@code defense} (the evasive family). The manifest's
     * test accuracy is the one behind the defense, measured in process with the defense's own seed on
     * the first {@value #DEFENDED_ACCURACY_IMAGES} images of the test split (a fixed subset: a smoothing
     * defense answers each query with several forward passes) and recorded with its 95% Wilson
     * interval; the model file's provenance keeps the weights' own accuracy (the target's, as
     * recorded in its provenance: the weights are the same) and records the defended one as
     * {@code accuracyBehindDefense}.
     */
    static final String ACCURACY_BEHIND_DEFENSE = "accuracyBehindDefense";
    static final String DEFENDED_ACCURACY_INTERVAL = "accuracyBehindDefenseInterval95";
    static final String DEFENDED_ACCURACY_IMAGES_KEY = "accuracyBehindDefenseImages";
    static final int DEFENDED_ACCURACY_IMAGES = 2_000;

    static Recipe evasive(Defense defense, TrainingConfig config) {
        return (context, out, extra, progress) -> {
            ModelProvenance parent = ModelLoader.checkIntact(context.target());
            try (DjlClassifier target = ModelLoader.load(context.target(), parent.inputSpec())) {
                ImageDataset sample = context.test().head(Math.min(DEFENDED_ACCURACY_IMAGES, context.test().size()));
                double defended = accuracy(DefendedClassifier.wrap(target, defense), sample);
                ConfidenceInterval interval = new WilsonScoreInterval().createInterval(sample.size(),
                        (int) Math.round(defended * sample.size()), 0.95);
                Map<String, Object> recorded = new LinkedHashMap<>(extra);
                recorded.put(ACCURACY_BEHIND_DEFENSE, defended);
                recorded.put(DEFENDED_ACCURACY_IMAGES_KEY, sample.size());
                recorded.put(DEFENDED_ACCURACY_INTERVAL, List.of(interval.getLowerBound(), interval.getUpperBound()));
                ModelProvenance saved = TrainingRun.save(target.model(), Architecture.parse(parent.arch()), context.train(),
                        parent.testAccuracy(), config, new ModelTrainer.Result(0, 0, Float.NaN), out,
                        context.zooDir().relativize(context.target()).toString(), recorded);
                return saved.withTestAccuracy(defended);
            }
        };
    }

    static Recipe forest(int trees, int images, long seed) {
        return (context, out, extra, progress) -> {
            long start = System.nanoTime();
            ImageDataset subset = context.train().subset(
                    java.util.Arrays.copyOf(context.train().shuffledIndices(new Random(seed)), Math.min(images, context.train().size())),
                    context.train().name() + "-subset");
            RandomForestClassifier forest = RandomForestClassifier.train(subset, trees, seed);
            double accuracy = accuracy(forest, context.test());
            ModelProvenance provenance = new ModelProvenance(ModelProvenance.FORMAT_VERSION, RandomForestClassifier.ARCH,
                    subset.spec(), subset.numClasses(), context.train().name(), subset.size(), seed, 0, 0,
                    "random-forest(" + trees + " trees, sqrt features, gini)", 0, accuracy, (System.nanoTime() - start) / 1e9,
                    null, null, null, extra);
            return forest.save(provenance, out);
        };
    }

    static double accuracy(io.modelprint.model.Classifier model, ImageDataset test) {
        long[] predicted = Labels.predict(model, test.pixels(), test.size());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == test.label(i) ? 1 : 0;
        }
        return (double) correct / test.size();
    }
}
