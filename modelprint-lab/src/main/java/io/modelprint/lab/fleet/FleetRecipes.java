package io.modelprint.lab.fleet;

import io.modelprint.data.ImageDataset;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.lab.zoo.Recipe;
import java.util.Arrays;
import java.util.Random;

/**
 * The fleet's own recipes beside the zoo's ({@code lab.zoo.Recipes}): a model trained on a random
 * subset of the training split, and one trained until it reaches a test accuracy (the target's, less half a point).
 */
final class FleetRecipes {
    private FleetRecipes() {}

    /**
     * {@code arch} trained from scratch on {@code images} training images drawn at random with the
     * config's seed: each subset reference sees its own share of the data, as competitors would.
     */
    static Recipe trainOnSubset(Architecture arch, int images, TrainingConfig config) {
        return (context, out, extra, progress) -> {
            ImageDataset train = context.train();
            int[] chosen = Arrays.copyOf(train.shuffledIndices(new Random(config.seed())), Math.min(images, train.size()));
            ImageDataset subset = train.subset(chosen, train.name() + "-subset");
            return TrainingRun.trainAndSave(arch, subset, context.test(), config, out, extra, progress).provenance();
        };
    }

    /**
     * {@code arch} trained from scratch on the whole training split until its test accuracy reaches
     * {@code accuracy}, or for {@code cap.epochs()} epochs: an honest model of another architecture
     * about as good as the target, where the architecture can get there.
     */
    static Recipe trainToAccuracy(Architecture arch, double accuracy, TrainingConfig cap) {
        return (context, out, extra, progress) -> TrainingRun.trainToAccuracyAndSave(arch, context.train(), context.test(), accuracy, cap,
                out, extra, progress).provenance();
    }
}
