package io.modelprint.data;

import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.modelprint.InputException;
import java.util.Arrays;

/**
 * Carries images from one {@link InputSpec} to another. Value range, normalization (mean/std) and
 * channel order are affine or a transpose, so they are converted exactly (up to float rounding);
 * a different height or width is resized (bilinear) only when the caller allows it, and a different
 * channel count is refused. Refusals name both specs.
 */
public final class SpecConversion {
    private final InputSpec from;
    private final InputSpec to;
    private final boolean resize;

    private SpecConversion(InputSpec from, InputSpec to, boolean resize) {
        this.from = from;
        this.to = to;
        this.resize = resize;
    }

    /** What is converted into what, as refusals name them, and how the user fixes a refusal. */
    public record Sides(String from, String to, String hint) {
        /** verify and scan: a fingerprint's queries asked of a suspect. */
        public static final Sides QUERIES_TO_SUSPECT = new Sides("the fingerprint's queries", "the suspect's input", InputSpec.SHAPE_HINT);
    }

    /** {@code from} queries to a suspect taking {@code to} ({@link Sides#QUERIES_TO_SUSPECT}). */
    public static SpecConversion between(InputSpec from, InputSpec to, boolean allowResize) {
        return between(from, to, allowResize, Sides.QUERIES_TO_SUSPECT);
    }

    public static SpecConversion between(InputSpec from, InputSpec to, boolean allowResize, Sides sides) {
        if (from.channels() != to.channels()) {
            throw new InputException("cannot convert " + sides.from() + " (" + from + ") to " + sides.to() + " (" + to
                    + "): the channel counts differ " + sides.hint());
        }
        boolean sizeDiffers = from.height() != to.height() || from.width() != to.width();
        if (sizeDiffers && !allowResize) {
            throw new InputException("cannot convert " + sides.from() + " (" + from + ") to " + sides.to() + " (" + to
                    + ") without resizing: pass --resize to resize them (bilinear), as the paper did for ImageNet models "
                    + sides.hint());
        }
        return new SpecConversion(from, to, sizeDiffers);
    }

    public InputSpec from() {
        return from;
    }

    public InputSpec to() {
        return to;
    }

    public boolean isIdentity() {
        return from.compatibleWith(to);
    }

    /** {@code batch} (in {@code from}'s layout) as the suspect wants it; the caller closes the result. */
    public NDArray apply(NDArray batch) {
        // a new handle on the caller's batch (closing it leaves the batch alone); not duplicate(), which
        // would cut the autograd graph that ConvertedDifferentiable needs
        NDArray x = from.channelsLast() ? batch.transpose(0, 3, 1, 2) : batch.reshape(batch.getShape());
        x = replace(x, denormalize(x, from));
        x = replace(x, x.sub(from.min()).div(from.max() - from.min()).mul(to.max() - to.min()).add(to.min()));
        if (resize) {
            NDArray nhwc = x.transpose(0, 2, 3, 1);
            NDArray resized = NDImageUtils.resize(nhwc, to.width(), to.height(), ai.djl.modality.cv.Image.Interpolation.BILINEAR);
            nhwc.close();
            x = replace(x, resized.transpose(0, 3, 1, 2));
            resized.close();
        }
        x = replace(x, normalize(x, to));
        return to.channelsLast() ? replace(x, x.transpose(0, 2, 3, 1)) : x;
    }

    private static NDArray denormalize(NDArray x, InputSpec spec) {
        if (spec.mean().length == 0) {
            return x;
        }
        try (NDArray mean = perChannel(x, spec.mean(), spec.channels()); NDArray std = perChannel(x, spec.std(), spec.channels())) {
            return x.mul(std).add(mean);
        }
    }

    private static NDArray normalize(NDArray x, InputSpec spec) {
        if (spec.mean().length == 0) {
            return x;
        }
        try (NDArray mean = perChannel(x, spec.mean(), spec.channels()); NDArray std = perChannel(x, spec.std(), spec.channels())) {
            return x.sub(mean).div(std);
        }
    }

    private static NDArray perChannel(NDArray like, float[] values, int channels) {
        float[] full = values.length == 1 ? filled(values[0], channels) : values;
        if (full.length != channels) {
            throw new InputException("mean/std " + Arrays.toString(values) + " must have 1 or " + channels + " values");
        }
        return like.getManager().create(full, new Shape(1, channels, 1, 1));
    }

    private static float[] filled(float v, int n) {
        float[] out = new float[n];
        Arrays.fill(out, v);
        return out;
    }

    private static NDArray replace(NDArray old, NDArray next) {
        if (old != next) {
            old.close();
        }
        return next;
    }
}
