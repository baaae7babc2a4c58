package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.testing.SyntheticData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fine-pruning removes the last convolution's least active channels and keeps them removed through fine-tuning. */
class FinePruningTest {
    private final ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);

    @Test
    void theLeastActiveChannelsOfTheLastConvolutionAreRemovedAndStaySilent() {
        for (Architecture arch : List.of(Architecture.VGG, Architecture.LENET5)) {
            EngineSetup.seed(2);
            try (Model model = ModelLoader.newModel(arch, train.spec(), 4, arch.cliName())) {
                ModelTrainer.fit(model, train, new TrainingConfig(2, 32, 1e-3f, 2, 0), ProgressListener.NONE);
                List<Block> children = Layers.sequential(model).getChildren().values();
                int conv = 0;
                for (int i = 0; i < children.size(); i++) {
                    conv = children.get(i) instanceof Conv2d ? i : conv;
                }
                double[] before = FinePruning.meanActivation(model, children, conv, train);
                boolean[] expected = FilterPruning.lowest(before, before.length / 2);
                new FinePruning(0.5, 300).apply(model, train, new TrainingConfig(1, 32, 1e-3f, 3, 0), ProgressListener.NONE);
                double[] after = FinePruning.meanActivation(model, children, conv, train);
                float[] weights = children.get(conv).getParameters().get(0).getValue().getArray().toFloatArray();
                int perFilter = weights.length / before.length;
                int removed = 0;
                for (int f = 0; f < before.length; f++) {
                    double norm = 0;
                    for (int i = 0; i < perFilter; i++) {
                        norm += Math.abs(weights[f * perFilter + i]);
                    }
                    if (expected[f]) {
                        removed++;
                        assertEquals(0, norm, arch + " channel " + f + " was to be removed");
                        assertEquals(0, after[f], 1e-6, arch + " channel " + f + " still fires");
                    } else {
                        assertTrue(norm > 0, arch + " channel " + f + " was to stay");
                    }
                }
                assertEquals(before.length / 2, removed);
                assertTrue(FinePruning.applies(model));
            }
        }
        try (Model mlp = ModelLoader.newModel(Architecture.MLP, train.spec(), 4, "mlp")) {
            assertTrue(!FinePruning.applies(mlp), "an MLP has no convolution to fine-prune");
        }
    }
}
