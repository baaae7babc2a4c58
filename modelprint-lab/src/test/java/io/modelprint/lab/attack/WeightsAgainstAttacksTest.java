package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.BlockWeights;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.testing.SyntheticData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weights scheme on the zoo's own attacks: reparametrized copies are the target, fine-tuned ones far closer than an independent model. */
class WeightsAgainstAttacksTest {
    private static final Scheme<?> WEIGHTS = Schemes.create("weights", Map.of(), "test");
    private final ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
    private final ImageDataset other = SyntheticData.bands(300, 4, 12, 12, 5);

    private Model trained(long seed) {
        EngineSetup.seed(seed);
        Model model = ModelLoader.newModel(Architecture.VGG, train.spec(), 4, "vgg-" + seed);
        ModelTrainer.fit(model, train, new TrainingConfig(2, 32, 1e-3f, seed, 0), ProgressListener.NONE);
        return model;
    }

    private static NetworkWeights weights(Model model) {
        return BlockWeights.read(model.getBlock(), model.getName());
    }

    private static double similarity(Model target, Model suspect) {
        return WEIGHTS.similarity(new Answers(new long[0], null, 4).withWeights(weights(target)),
                new Answers(new long[0], null, 4).withWeights(weights(suspect)));
    }

    /** A copy of {@code target} with {@code attack} applied (on other images of the task). */
    private Model attacked(Model target, PostProcessing attack) {
        Model copy = ModelLoader.newModel(Architecture.VGG, train.spec(), 4, "copy");
        Layers.copyParameters(target.getBlock(), copy.getBlock());
        attack.apply(copy, other, new TrainingConfig(1, 32, 1e-3f, 9, 0), ProgressListener.NONE);
        return copy;
    }

    @Test
    void reparametrizedCopiesAreTheTargetAndFineTunedOnesFarCloserThanAnIndependentModel() {
        try (Model target = trained(1); Model independent = trained(2);
                Model permuted = attacked(target, new Reparametrization(Reparametrization.Variant.PERMUTE, 3));
                Model folded = attacked(target, new Reparametrization(Reparametrization.Variant.FOLD_BN, 0));
                Model ftal = attacked(target, new FineTuning(FineTuning.Variant.FTAL));
                Model rtal = attacked(target, new FineTuning(FineTuning.Variant.RTAL))) {
            double apart = similarity(target, independent);
            double allLayers = similarity(target, ftal);
            double newHead = similarity(target, rtal);
            System.out.printf("weights: permuted %.4f, folded %.4f, FTAL %.4f, RTAL %.4f, independent %.4f%n",
                    similarity(target, permuted), similarity(target, folded), allLayers, newHead, apart);
            assertTrue(similarity(target, permuted) >= 0.99);
            assertTrue(similarity(target, folded) >= 0.99);
            assertTrue(allLayers > apart + 0.3, "FTAL " + allLayers + ", independent " + apart);
            assertTrue(newHead > apart + 0.2, "RTAL " + newHead + ", independent " + apart);
        }
    }
}
