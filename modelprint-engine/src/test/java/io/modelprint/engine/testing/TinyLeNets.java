package io.modelprint.engine.testing;

import ai.djl.Model;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelProvenance;
import io.modelprint.engine.ModelStore;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import java.nio.file.Path;
import java.util.Map;

/** A LeNet-5 (or another of modelprint's architectures) trained for 2 epochs on a small data set and saved as a model directory. */
public final class TinyLeNets {
    private TinyLeNets() {}

    /** The model directory {@code dir/name}, trained from {@code seed}. */
    public static Path train(Path dir, ImageDataset data, int classes, long seed, String name) {
        return train(Architecture.LENET5, dir, data, classes, seed, name);
    }

    /** The model directory {@code dir/name} of {@code arch}, trained from {@code seed}. */
    public static Path train(Architecture arch, Path dir, ImageDataset data, int classes, long seed, String name) {
        EngineSetup.seed(seed);
        try (Model model = ModelLoader.newModel(arch, data.spec(), classes, name)) {
            ModelTrainer.fit(model, data, new TrainingConfig(2, 32, 1e-3f, seed, 0), ProgressListener.NONE);
            Path out = dir.resolve(name);
            ModelStore.save(model, new ModelProvenance(ModelProvenance.FORMAT_VERSION, arch.cliName(), data.spec(),
                    classes, "bands", data.size(), seed, 2, 32, "adam", 1e-3, 0, 0, null, null, null, Map.of()), out);
            return out;
        }
    }
}
