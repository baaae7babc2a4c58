package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import picocli.CommandLine.Option;

/**
 * How a model file that does not record its input (TorchScript, ONNX, a remote URL) wants its
 * images. Without any of these options the model takes the base spec (the fingerprint's, or the
 * data set's). With any of them, the options describe the model completely: the shape defaults
 * to the base's, the range to [0,1], and normalization and channels-last are off unless given.
 */
final class InputSpecOptions {
    @Option(names = "--input-shape", paramLabel = "C,H,W", description = {"the model's input, for files that do not record it (.pt, .onnx, URLs); without any of",
                "these flags the model takes the fingerprint's (or data set's) spec. Image shape, e.g. 3,224,224"})
    String shape;

    @Option(names = "--input-range", paramLabel = "LO,HI", description = "pixel value range before normalization, e.g. 0,255 (default 0,1 once any input flag is given)")
    String range;

    @Option(names = "--mean", paramLabel = "M[,M...]", description = "per-channel mean subtracted before the model (one value or one per channel)")
    String mean;

    @Option(names = "--std", paramLabel = "S[,S...]", description = "per-channel std divided by before the model (with --mean)")
    String std;

    @Option(names = "--channels-last", description = "the model takes [N,H,W,C] instead of [N,C,H,W]")
    boolean channelsLast;

    boolean given() {
        return shape != null || range != null || mean != null || std != null || channelsLast;
    }

    /**
     * The spec of the single model at {@code model} ({@code extract}, {@code serve}): a model
     * directory records its own, so these options are refused there rather than ignored.
     */
    InputSpec forModel(java.nio.file.Path model, InputSpec base) {
        if (given() && java.nio.file.Files.isDirectory(model)) {
            throw new InputException(model + ": a model directory records its input spec; --input-shape, --input-range,"
                    + " --mean/--std and --channels-last describe .pt and .onnx files");
        }
        return apply(base);
    }

    InputSpec apply(InputSpec base) {
        if (!given()) {
            return base;
        }
        int c = base.channels();
        int h = base.height();
        int w = base.width();
        if (shape != null) {
            float[] dims = numbers("--input-shape", shape, 3);
            for (float d : dims) {
                if (d < 1 || d != Math.rint(d)) {
                    throw new InputException("--input-shape must be three positive integers C,H,W, got " + shape);
                }
            }
            c = (int) dims[0];
            h = (int) dims[1];
            w = (int) dims[2];
        }
        float lo = 0f;
        float hi = 1f;
        if (range != null) {
            float[] r = numbers("--input-range", range, 2);
            if (!(r[0] < r[1])) {
                throw new InputException("--input-range must be LO,HI with LO < HI, got " + range);
            }
            lo = r[0];
            hi = r[1];
        }
        if ((mean == null) != (std == null)) {
            throw new InputException("--mean and --std go together: give both or neither");
        }
        float[] m = mean == null ? new float[0] : numbers("--mean", mean, -1);
        float[] s = std == null ? new float[0] : numbers("--std", std, -1);
        if (mean != null) {
            for (float[] v : new float[][] {m, s}) {
                if (v.length != 1 && v.length != c) {
                    throw new InputException("--mean and --std need 1 or " + c + " values (one per channel), got " + v.length);
                }
            }
            for (float v : s) {
                if (!(v > 0)) {
                    throw new InputException("--std values must be positive, got " + std);
                }
            }
        }
        return new InputSpec(c, h, w, lo, hi, m, s, channelsLast);
    }

    private static float[] numbers(String option, String text, int count) {
        String[] parts = text.split(",");
        if (count > 0 && parts.length != count) {
            throw new InputException(option + " needs " + count + " comma-separated numbers, got \"" + text + "\"");
        }
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Float.parseFloat(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException(option + ": \"" + parts[i].trim() + "\" is not a number (in \"" + text + "\")");
            }
            if (!Float.isFinite(values[i])) {
                throw new InputException(option + ": values must be finite, got \"" + text + "\"");
            }
        }
        return values;
    }
}
