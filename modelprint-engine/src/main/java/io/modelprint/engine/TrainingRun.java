package io.modelprint.engine;

import ai.djl.Model;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.ProgressListener;
import java.nio.file.Path;
import java.util.Map;

/** Trains an architecture from scratch on a data set, measures test accuracy, and saves it with provenance. */
public final class TrainingRun {
    /** The saved model's provenance and the training throughput. */
    public record Outcome(ModelProvenance provenance, ModelTrainer.Result training) {}

    private TrainingRun() {}

    public static Outcome trainAndSave(Architecture arch, ImageDataset train, ImageDataset test, TrainingConfig config,
            Path out, ProgressListener progress) {
        return trainAndSave(arch, train, test, config, out, null, progress);
    }

    /** As above, recording {@code extra} (e.g. what the model is for) in its provenance. */
    public static Outcome trainAndSave(Architecture arch, ImageDataset train, ImageDataset test, TrainingConfig config,
            Path out, Map<String, Object> extra, ProgressListener progress) {
        EngineSetup.seed(config.seed());
        try (Model model = ModelLoader.newModel(arch, train.spec(), train.numClasses(), out.getFileName().toString())) {
            ModelTrainer.Result result = ModelTrainer.fit(model, train, config, progress);
            return new Outcome(save(model, arch, train, test, config, result, out, null, extra), result);
        }
    }

    /**
     * Trains {@code arch} from scratch until its test accuracy reaches {@code accuracy} (measured after
     * every epoch) or {@code cap.epochs()} epochs have passed, and saves it; its provenance records
     * the epochs it was trained and the accuracy it reached.
     */
    public static Outcome trainToAccuracyAndSave(Architecture arch, ImageDataset train, ImageDataset test, double accuracy,
            TrainingConfig cap, Path out, Map<String, Object> extra, ProgressListener progress) {
        EngineSetup.seed(cap.seed());
        try (Model model = ModelLoader.newModel(arch, train.spec(), train.numClasses(), out.getFileName().toString())) {
            double[] measured = {Double.NaN};
            int[] epochsTrained = {0};
            ModelTrainer.Result result = ModelTrainer.fitUntil(model, train, cap, epochs -> {
                epochsTrained[0] = epochs;
                measured[0] = ModelTrainer.accuracy(model, test);
                return measured[0] >= accuracy;
            }, progress);
            TrainingConfig trained = new TrainingConfig(epochsTrained[0], cap.batchSize(), cap.learningRate(), cap.seed(),
                    cap.maxTrainImages());
            return new Outcome(save(model, arch, train, measured[0], trained, result, out, null, extra), result);
        }
    }

    /** Continues training an existing model directory (fine-tuning all layers) and saves the result to {@code out}. */
    public static Outcome fineTuneAndSave(Path parent, ImageDataset train, ImageDataset test, TrainingConfig config,
            Path out, ProgressListener progress) {
        ModelProvenance parentProvenance = ModelLoader.readProvenance(parent);
        try (DjlClassifier source = ModelLoader.load(parent, parentProvenance.inputSpec())) {
            EngineSetup.seed(config.seed());
            ModelTrainer.Result result = ModelTrainer.fit(source.model(), train, config, progress);
            Architecture arch = Architecture.parse(parentProvenance.arch());
            return new Outcome(save(source.model(), arch, train, test, config, result, out, parent.toString(),
                    Map.of("kind", "FTAL")), result);
        }
    }

    /** Measures test accuracy and saves {@code model} with provenance recording how it was made. */
    public static ModelProvenance save(Model model, Architecture arch, ImageDataset train, ImageDataset test,
            TrainingConfig config, ModelTrainer.Result result, Path out, String parent, Map<String, Object> extra) {
        return save(model, arch, train, ModelTrainer.accuracy(model, test), config, result, out, parent, extra);
    }

    /** As {@link #save(Model, Architecture, ImageDataset, ImageDataset, TrainingConfig, ModelTrainer.Result, Path, String, Map)},
     *  with the test accuracy already known (a copy whose weights are its parent's). */
    public static ModelProvenance save(Model model, Architecture arch, ImageDataset train, double accuracy,
            TrainingConfig config, ModelTrainer.Result result, Path out, String parent, Map<String, Object> extra) {
        Map<String, Object> recorded = new java.util.LinkedHashMap<>(extra == null ? Map.of() : extra);
        recorded.put("madeBy", io.modelprint.ToolVersion.environment());
        recorded.put("datasetSha256", train.sha256());
        ModelProvenance provenance = new ModelProvenance(ModelProvenance.FORMAT_VERSION, arch.cliName(), train.spec(),
                train.numClasses(), train.name(), Math.min(train.size(), config.maxTrainImages() > 0 ? config.maxTrainImages() : train.size()),
                config.seed(), config.epochs(), config.batchSize(), "adam", config.learningRate(), accuracy,
                result.seconds(), null, null, parent, recorded);
        return ModelStore.save(model, provenance, out);
    }
}
