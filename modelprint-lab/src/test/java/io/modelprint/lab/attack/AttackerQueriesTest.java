package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The attacker's query sets: task images with noise, CutMix mixtures of two images, uniform noise. */
class AttackerQueriesTest {
    /** 20 images of 8x8, image i filled with the value i/20: a pixel's value tells which image it came from. */
    private final ImageDataset pool = constantImages(20);

    @Test
    void cutMixPastesOneBoxOfAnotherImageCoveringThirtyToSeventyPercent() {
        ImageDataset queries = AttackerQueries.CUTMIX.draw(pool, 15, 0f, new Random(4));
        assertEquals(15, queries.size());
        float[] image = new float[64];
        for (int q = 0; q < queries.size(); q++) {
            queries.copyImage(q, image, 0);
            Set<Float> values = new TreeSet<>();
            for (float v : image) {
                values.add(v);
            }
            assertEquals(2, values.size(), "query " + q + " mixes " + values);
            // the pasted box is the one value whose pixels fill their bounding box (the rest is not a rectangle)
            int boxes = 0;
            for (float value : values) {
                int count = 0;
                int top = 8;
                int bottom = -1;
                int left = 8;
                int right = -1;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        if (image[y * 8 + x] == value) {
                            count++;
                            top = Math.min(top, y);
                            bottom = Math.max(bottom, y);
                            left = Math.min(left, x);
                            right = Math.max(right, x);
                        }
                    }
                }
                if (count == (bottom - top + 1) * (right - left + 1)) {
                    boxes++;
                    assertTrue(count >= 0.25 * 64 && count <= 0.75 * 64, "query " + q + ": box of " + count + " pixels");
                }
            }
            assertEquals(1, boxes, "query " + q + ": the pasted part is not one box");
        }
    }

    @Test
    void uniformQueriesCoverTheRangeAndTaskQueriesStayNearTheirImages() {
        ImageDataset uniform = AttackerQueries.UNIFORM.draw(pool, 100, 0.1f, new Random(5));
        assertEquals(100, uniform.size());
        double sum = 0;
        float lo = 1;
        float hi = 0;
        for (float v : uniform.pixels()) {
            sum += v;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertEquals(0.5, sum / uniform.pixels().length, 0.01);
        assertTrue(lo < 0.01 && hi > 0.99, "range [" + lo + ", " + hi + "]");

        ImageDataset task = AttackerQueries.TASK.draw(pool, 50, 0.1f, new Random(6));
        assertEquals(20, task.size(), "task queries are at most the pool's images");
        float[] image = new float[64];
        for (int q = 0; q < task.size(); q++) {
            task.copyImage(q, image, 0);
            double mean = 0;
            for (float v : image) {
                mean += v / 64;
            }
            double nearest = Math.round(mean * 20) / 20.0;
            for (float v : image) {
                assertTrue(Math.abs(v - nearest) <= 0.1f + 1e-6, "query " + q + " pixel " + v + " far from " + nearest);
            }
        }
    }

    private static ImageDataset constantImages(int count) {
        float[] pixels = new float[count * 64];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i / 64) / 20f;
        }
        return new ImageDataset("constant", InputSpec.unitRange(1, 8, 8), pixels, new int[count], 1);
    }
}
