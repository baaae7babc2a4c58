package io.modelprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.data.InputSpec;
import io.modelprint.scheme.Queries;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Queries become the PNGs a person would see: decoded back, their pixels are the query's values mapped from the spec's range. */
class QueryImagesTest {
    static BufferedImage decode(String dataUri) throws IOException {
        assertTrue(dataUri.startsWith("data:image/png;base64,"));
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()))));
    }

    @Test
    void aGreyQueryIsItsValuesOnTheSpecsRangeClampedAtTheEnds() throws IOException {
        InputSpec spec = new InputSpec(1, 2, 3, -1f, 1f, null, null, false);
        float[] values = {-1f, 0f, 1f, 0.5f, -2f, 3f, /* second query */ 0f, 0f, 0f, 0f, 0f, 0f};
        BufferedImage image = decode(QueryImages.dataUri(new Queries(spec, values, 2), 0));
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        int[] expected = {0, 128, 255, 191, 0, 255};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], image.getRaster().getSample(i % 3, i / 3, 0), "pixel " + i);
        }
        BufferedImage second = decode(QueryImages.dataUri(new Queries(spec, values, 2), 1));
        assertEquals(128, second.getRaster().getSample(2, 1, 0));
    }

    @Test
    void colourQueriesLookTheSameInEitherLayoutAndWithTheNormalizationUndone() throws IOException {
        int h = 4;
        int w = 5;
        float[] chw = new float[3 * h * w];
        for (int i = 0; i < chw.length; i++) {
            chw[i] = (i * 37 % 101) / 100f;
        }
        float[] hwc = new float[chw.length];
        float[] normalized = new float[chw.length];
        float[] mean = {0.5f, 0.4f, 0.3f};
        float[] std = {0.2f, 0.25f, 0.3f};
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < h * w; p++) {
                hwc[p * 3 + c] = chw[c * h * w + p];
                normalized[c * h * w + p] = (chw[c * h * w + p] - mean[c]) / std[c];
            }
        }
        BufferedImage first = decode(QueryImages.dataUri(new Queries(InputSpec.unitRange(3, h, w), chw, 1), 0));
        BufferedImage last = decode(QueryImages.dataUri(new Queries(new InputSpec(3, h, w, 0f, 1f, null, null, true), hwc, 1), 0));
        BufferedImage undone = decode(QueryImages.dataUri(new Queries(new InputSpec(3, h, w, 0f, 1f, mean, std, false), normalized, 1), 0));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = first.getRGB(x, y) & 0xffffff;
                int red = Math.round(255 * chw[y * w + x]);
                assertEquals(red, (rgb >> 16) & 0xff, 1.0);
                assertEquals(Math.round(255 * chw[2 * h * w + y * w + x]), rgb & 0xff, 1.0);
                assertEquals(rgb, last.getRGB(x, y) & 0xffffff);
                for (int shift = 0; shift <= 16; shift += 8) {
                    assertEquals((rgb >> shift) & 0xff, (undone.getRGB(x, y) >> shift) & 0xff, 1.0, "normalization undone to a level");
                }
            }
        }
    }

    @Test
    void aLargeQueryIsReducedByAveragingSoThePageStaysSmall() throws IOException {
        int side = 200;
        float[] values = new float[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                values[y * side + x] = (x + y) % 2; // a checkerboard averages to grey
            }
        }
        BufferedImage image = decode(QueryImages.dataUri(new Queries(InputSpec.unitRange(1, side, side), values, 1), 0));
        assertTrue(image.getWidth() <= QueryImages.MAX_SIDE && image.getHeight() <= QueryImages.MAX_SIDE, image.getWidth() + "");
        assertEquals(67, image.getWidth());
        int centre = image.getRaster().getSample(10, 10, 0);
        assertTrue(Math.abs(centre - 128) <= 15, "3x3 blocks of a checkerboard average near grey: " + centre);
    }
}
