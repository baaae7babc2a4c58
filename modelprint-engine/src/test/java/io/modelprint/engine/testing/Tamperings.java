package io.modelprint.engine.testing;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.modelprint.ProgressListener;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.testing.SyntheticData;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/** Small changes to a loaded model's weights, in place, as a tamperer would make them (SSF's tests and measurement). */
public final class Tamperings {
    private Tamperings() {}

    /** Every change by name, for a model of {@code classes} classes on 12 x 12 band images. */
    public static Map<String, Consumer<Model>> all(int classes) {
        Map<String, Consumer<Model>> all = new LinkedHashMap<>();
        all.put("one fine-tuning step", model -> fineTuneOneStep(model, classes));
        all.put("3 smallest conv weights pruned", model -> pruneSmallest(model, 3));
        all.put("noise 1e-3 x rms on one layer", model -> noiseOnOneLayer(model, 1e-3));
        all.put("weights rounded to fp16", Tamperings::roundToHalf);
        return all;
    }

    /** One Adam step (lr 1e-4) on 32 band images. */
    public static void fineTuneOneStep(Model model, int classes) {
        ModelTrainer.fit(model, SyntheticData.bands(32, classes, 12, 12, 9), new TrainingConfig(1, 32, 1e-4f, 5, 0),
                ProgressListener.NONE);
    }

    /** The {@code count} smallest non-zero weights of the first convolution set to 0. */
    public static void pruneSmallest(Model model, int count) {
        edit(model, "conv", values -> {
            for (int k = 0; k < count; k++) {
                int smallest = -1;
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != 0 && (smallest < 0 || Math.abs(values[i]) < Math.abs(values[smallest]))) {
                        smallest = i;
                    }
                }
                values[smallest] = 0;
            }
        });
    }

    /** Gaussian noise of {@code scale} x the layer's RMS added to the first linear layer's weights. */
    public static void noiseOnOneLayer(Model model, double scale) {
        edit(model, "linear", values -> {
            Random random = new Random(4);
            double sum = 0;
            for (float v : values) {
                sum += (double) v * v;
            }
            double rms = Math.sqrt(sum / values.length);
            for (int i = 0; i < values.length; i++) {
                values[i] += (float) (scale * rms * random.nextGaussian());
            }
        });
    }

    /** Every trainable parameter rounded to 10 mantissa bits, as fp16 keeps them (quantization-like). */
    public static void roundToHalf(Model model) {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            if (p.getValue().requiresGradient()) {
                float[] values = p.getValue().getArray().toFloatArray();
                for (int i = 0; i < values.length; i++) {
                    values[i] = Float.intBitsToFloat((Float.floatToIntBits(values[i]) + 0x1000) & ~0x1FFF);
                }
                p.getValue().getArray().set(values);
            }
        }
    }

    private static void edit(Model model, String kind, Consumer<float[]> change) {
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            String name = p.getKey().toLowerCase(Locale.ROOT);
            if (name.contains(kind) && name.endsWith("weight")) {
                NDArray array = p.getValue().getArray();
                float[] values = array.toFloatArray();
                change.accept(values);
                array.set(values);
                return;
            }
        }
        throw new AssertionError("no " + kind + " weight in " + model.getBlock().getParameters().keys());
    }
}
