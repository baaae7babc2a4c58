package io.modelprint.report;

import io.modelprint.data.InputSpec;
import io.modelprint.scheme.Queries;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/**
 * A fingerprint's queries as PNG images for a page ({@code data:} URIs, nothing fetched): values taken
 * back from the model's input space (normalization undone, the spec's range mapped to 0-255, either
 * channel layout), three channels as colour, one as grey (other counts: the first channel, grey). An
 * image larger than {@value #MAX_SIDE} pixels a side is reduced by averaging, so that a page of
 * ImageNet-size queries stays small.
 */
public final class QueryImages {
    /** The largest side an image keeps on the page, in pixels. */
    public static final int MAX_SIDE = 96;

    private QueryImages() {}

    /** Query {@code index} as a {@code data:image/png;base64,...} URI. */
    public static String dataUri(Queries queries, int index) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(queries, index));
    }

    /** Query {@code index} as PNG bytes. */
    public static byte[] png(Queries queries, int index) {
        BufferedImage image = image(queries, index);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    static BufferedImage image(Queries queries, int index) {
        InputSpec spec = queries.spec();
        int h = spec.height();
        int w = spec.width();
        int step = Math.max(1, (int) Math.ceil(Math.max(h, w) / (double) MAX_SIDE));
        int outH = (h + step - 1) / step;
        int outW = (w + step - 1) / step;
        boolean colour = spec.channels() == 3;
        BufferedImage image = new BufferedImage(outW, outH, colour ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                if (colour) {
                    int rgb = (block(queries, index, 0, y, x, step) << 16) | (block(queries, index, 1, y, x, step) << 8)
                            | block(queries, index, 2, y, x, step);
                    image.setRGB(x, y, rgb);
                } else {
                    image.getRaster().setSample(x, y, 0, block(queries, index, 0, y, x, step));
                }
            }
        }
        return image;
    }

    /** The mean intensity (0-255) of channel {@code c} over the step x step block at output pixel (y, x). */
    private static int block(Queries queries, int index, int c, int y, int x, int step) {
        InputSpec spec = queries.spec();
        double sum = 0;
        int n = 0;
        for (int yy = y * step; yy < Math.min(spec.height(), (y + 1) * step); yy++) {
            for (int xx = x * step; xx < Math.min(spec.width(), (x + 1) * step); xx++) {
                sum += unit(spec, queries.values()[offset(spec, index, c, yy, xx)], c);
                n++;
            }
        }
        double v = sum / n;
        return (int) Math.round(255 * (Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0));
    }

    private static int offset(InputSpec spec, int index, int c, int y, int x) {
        int base = index * spec.pixelsPerImage();
        return spec.channelsLast() ? base + (y * spec.width() + x) * spec.channels() + c
                : base + (c * spec.height() + y) * spec.width() + x;
    }

    /** A value of the model's input space as a share of the spec's range (0 = min, 1 = max). */
    private static double unit(InputSpec spec, float value, int c) {
        double raw = spec.mean().length == 0 ? value : value * spec.std()[c % spec.std().length] + spec.mean()[c % spec.mean().length];
        return (raw - spec.min()) / (spec.max() - spec.min());
    }
}
