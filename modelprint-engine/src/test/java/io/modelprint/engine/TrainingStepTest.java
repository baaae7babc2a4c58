package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.ProgressListener;
import io.modelprint.testing.SyntheticData;
import org.junit.jupiter.api.Test;

class TrainingStepTest {
    /**
     * A linear head at zero weights on zero features, one image per class: softmax is exactly
     * uniform, so every gradient is exactly 0 on any CPU. DJL's Trainer aborted on such a first step
     * ("Gradient values are all zeros"); training must go on to the next batch instead.
     */
    @Test
    void aBatchWithExactlyZeroGradientsDoesNotAbortTraining() {
        int classes = 4;
        float[] pixels = new float[2 * classes * 3];
        int[] labels = new int[2 * classes];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
            if (i >= classes) { // the second batch carries signal
                pixels[i * 3 + (i % 3)] = 1f;
            }
        }
        ImageDataset data = new ImageDataset("zero-then-signal", InputSpec.unitRange(1, 1, 3), pixels, labels, classes);
        try (Model model = Model.newInstance("head", "PyTorch")) {
            Linear linear = Linear.builder().setUnits(classes).build();
            model.setBlock(new SequentialBlock().add(Blocks.batchFlattenBlock()).add(linear));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 1, 3));
            for (Parameter p : linear.getParameters().values()) {
                p.getArray().muli(0);
            }
            // one batch: the four zero images, whatever the shuffle
            ModelTrainer.Result result = ModelTrainer.fit(model, data.head(classes), new TrainingConfig(1, classes, 0.1f, 1, 0),
                    ProgressListener.NONE);
            assertEquals(Math.log(classes), result.lastLoss(), 1e-6, "uniform softmax on zero features");
            float before = linear.getParameters().get("weight").getArray().abs().sum().getFloat();
            assertEquals(0f, before, "zero gradients leave the weights as they were");
            ModelTrainer.fit(model, data, new TrainingConfig(3, classes, 0.1f, 1, 0), ProgressListener.NONE);
            assertTrue(linear.getParameters().get("weight").getArray().abs().sum().getFloat() > 0,
                    "batches with signal train the head after the zero-gradient batch");
        }
    }

    @Test
    void aDivergedRunIsRefusedByName() {
        ImageDataset train = SyntheticData.bands(200, 4, 12, 12, 1);
        try (Model model = ModelLoader.newModel(Architecture.MLP, train.spec(), train.numClasses(), "mlp")) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> ModelTrainer.fit(model, train, new TrainingConfig(2, 50, 1e30f, 1, 0), ProgressListener.NONE));
            assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("--lr"), e.getMessage());
        }
    }
}
