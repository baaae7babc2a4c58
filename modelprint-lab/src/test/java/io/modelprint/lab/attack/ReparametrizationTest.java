package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.engine.testing.ModelOutputs;
import io.modelprint.testing.SyntheticData;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A reparametrized copy computes the target's logits with other weights. */
class ReparametrizationTest {
    private final ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(200, 4, 12, 12, 2);

    private Model trained(Architecture arch) {
        EngineSetup.seed(1);
        Model model = ModelLoader.newModel(arch, train.spec(), 4, arch.cliName());
        ModelTrainer.fit(model, train, new TrainingConfig(2, 32, 1e-3f, 1, 0), ProgressListener.NONE);
        return model;
    }

    private static float[] weights(Model model) {
        int size = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            size += (int) p.getValue().getArray().size();
        }
        float[] all = new float[size];
        int at = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            float[] v = p.getValue().getArray().toFloatArray();
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"VGG", "LENET5", "MLP"})
    void permutedAndFoldedCopiesComputeTheSameLogitsWithOtherWeights(Architecture arch) {
        for (Reparametrization.Variant variant : Reparametrization.Variant.values()) {
            if (variant == Reparametrization.Variant.FOLD_BN && arch != Architecture.VGG) {
                continue; // only the VGG has batch norm
            }
            try (Model model = trained(arch)) {
                float[] before = ModelOutputs.logits(model, test);
                float[] weightsBefore = weights(model);
                new Reparametrization(variant, 7).apply(model, train, null, ProgressListener.NONE);
                float[] after = ModelOutputs.logits(model, test);
                float scale = 0;
                for (float v : before) {
                    scale = Math.max(scale, Math.abs(v));
                }
                for (int i = 0; i < before.length; i++) {
                    assertEquals(before[i], after[i], 1e-4f * Math.max(1, scale), arch + " " + variant + " logit " + i);
                }
                float[] weightsAfter = weights(model);
                int changed = 0;
                for (int i = 0; i < weightsBefore.length; i++) {
                    changed += Math.abs(weightsBefore[i] - weightsAfter[i]) > 1e-6 ? 1 : 0;
                }
                assertTrue(changed > weightsBefore.length / 4, arch + " " + variant + ": only " + changed + " of "
                        + weightsBefore.length + " weights changed");
                assertFalse(Arrays.equals(weightsBefore, weightsAfter));
            }
        }
    }
}
