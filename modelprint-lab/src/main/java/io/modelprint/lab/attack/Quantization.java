package io.modelprint.lab.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import java.util.Map;

/**
 * A quantized copy, stored back as float32 so that every loader reads it: {@link Precision#FP16}
 * rounds every parameter to the nearest IEEE half-precision value (what saving in fp16 does);
 * {@link Precision#INT8} quantizes the weights of every convolution and linear layer symmetrically
 * per output channel to 8 bits (scale = max|w| / 127), as dynamic int8 quantization stores them, and
 * leaves biases and batch norm in float. No training.
 */
public final class Quantization implements PostProcessing {
    public enum Precision { FP16, INT8 }

    private final Precision precision;

    public Quantization(Precision precision) {
        this.precision = precision;
    }

    @Override
    public String kind() {
        return precision == Precision.FP16 ? "QUANT-FP16" : "QUANT-INT8";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("precision", precision.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public ModelTrainer.Result apply(Model model, ImageDataset train, TrainingConfig config, ProgressListener progress) {
        long start = System.nanoTime();
        for (Pair<String, Parameter> pair : model.getBlock().getParameters()) {
            NDArray array = pair.getValue().getArray();
            float[] values = array.toFloatArray();
            if (precision == Precision.FP16) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = toHalfAndBack(values[i]);
                }
            } else if (pair.getKey().endsWith("weight") && array.getShape().dimension() >= 2) {
                int channels = (int) array.getShape().get(0);
                int per = values.length / channels;
                for (int c = 0; c < channels; c++) {
                    float max = 0;
                    for (int j = 0; j < per; j++) {
                        max = Math.max(max, Math.abs(values[c * per + j]));
                    }
                    float scale = max / 127f;
                    for (int j = 0; j < per && scale > 0; j++) {
                        values[c * per + j] = Math.round(values[c * per + j] / scale) * scale;
                    }
                }
            } else {
                continue;
            }
            array.set(values);
        }
        return new ModelTrainer.Result(0, (System.nanoTime() - start) / 1e9, Float.NaN);
    }

    /** The float nearest to {@code value} that IEEE binary16 can hold (round to nearest even; overflow to infinity). */
    static float toHalfAndBack(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return value;
        }
        float magnitude = Math.abs(value);
        if (magnitude >= 65520f) {
            return Math.copySign(Float.POSITIVE_INFINITY, value);
        }
        if (magnitude < 6.103515625e-05f) {
            // subnormal halves: multiples of 2^-24
            float step = 5.9604645e-08f;
            return Math.copySign(Math.round(magnitude / step) * step, value);
        }
        int bits = Float.floatToRawIntBits(value);
        // keep 10 of float's 23 mantissa bits, rounding half to even
        int lower = bits & 0x1FFF;
        int kept = bits & ~0x1FFF;
        if (lower > 0x1000 || (lower == 0x1000 && (kept & 0x2000) != 0)) {
            kept += 0x2000;
        }
        return Float.intBitsToFloat(kept);
    }
}
