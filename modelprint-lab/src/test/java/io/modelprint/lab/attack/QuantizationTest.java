package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuantizationTest {
    @Test
    void halfPrecisionRoundsAsIeeeBinary16() {
        assertEquals(1.0f, Quantization.toHalfAndBack(1.0f));
        assertEquals(0.0999755859375f, Quantization.toHalfAndBack(0.1f));          // fp16(0.1)
        assertEquals(65504f, Quantization.toHalfAndBack(65504f));                    // the largest half
        assertEquals(Float.POSITIVE_INFINITY, Quantization.toHalfAndBack(70000f));
        assertEquals(1.0f, Quantization.toHalfAndBack(1.0f + 0x1p-11f));             // a tie rounds to even
        assertEquals(1.0f + 0x1p-9f, Quantization.toHalfAndBack(1.0f + 0x1p-10f + 0x1p-11f)); // a tie rounds to even (up)
        assertEquals(0x1p-24f, Quantization.toHalfAndBack(0x1p-24f));               // the smallest subnormal
        assertEquals(-0.0999755859375f, Quantization.toHalfAndBack(-0.1f));
    }

    @Test
    void int8KeepsAtMost255LevelsPerChannelAndTheModelsAnswers() {
        ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
        EngineSetup.seed(1);
        try (Model model = ModelLoader.newModel(Architecture.LENET5, train.spec(), 4, "lenet")) {
            ModelTrainer.fit(model, train, new TrainingConfig(2, 32, 1e-3f, 1, 0), ProgressListener.NONE);
            int[] before = ModelOutputs.labels(model, train);
            new Quantization(Quantization.Precision.INT8).apply(model, train, null, ProgressListener.NONE);
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                if (p.getKey().endsWith("weight") && p.getValue().getArray().getShape().dimension() >= 2) {
                    float[] w = p.getValue().getArray().toFloatArray();
                    int channels = (int) p.getValue().getArray().getShape().get(0);
                    int per = w.length / channels;
                    for (int c = 0; c < channels; c++) {
                        Set<Float> levels = new HashSet<>();
                        for (int j = 0; j < per; j++) {
                            levels.add(w[c * per + j]);
                        }
                        assertTrue(levels.size() <= 255, p.getKey() + " channel " + c + ": " + levels.size() + " levels");
                    }
                }
            }
            int[] after = ModelOutputs.labels(model, train);
            int same = 0;
            for (int i = 0; i < before.length; i++) {
                same += before[i] == after[i] ? 1 : 0;
            }
            assertTrue(same >= 0.95 * before.length, "int8 copy agrees on " + same + " of " + before.length);
        }
    }
}
