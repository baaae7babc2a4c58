package io.modelprint.lab.attack;

import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import java.util.Locale;
import java.util.Random;

/**
 * The images an extraction attacker sends to the target. {@link #TASK}: images like the owner's
 * (the task's images with uniform noise added); {@link #CUTMIX}: CutMix mixtures (a random box of
 * one task image pasted into another, 30-70 % of the area) with the same noise; {@link #UNIFORM}:
 * uniform noise over the input range, nothing of the task at all. The labels of the returned set
 * are placeholders: a student only ever sees the target's answers.
 */
public enum AttackerQueries {
    TASK,
    CUTMIX,
    UNIFORM;

    /** The share of the image a CutMix box covers: uniform from MIN_BOX_AREA to MIN_BOX_AREA + BOX_AREA_SPREAD. */
    public static final double MIN_BOX_AREA = 0.3;
    public static final double BOX_AREA_SPREAD = 0.4;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ImageDataset draw(ImageDataset pool, int count, float noise, Random random) {
        InputSpec spec = pool.spec();
        if (this == CUTMIX && pool.size() < 2) {
            throw new IllegalArgumentException("CutMix queries mix two images; " + pool.name() + " has " + pool.size());
        }
        int n = this == UNIFORM ? count : Math.min(count, pool.size());
        int size = spec.pixelsPerImage();
        float[] pixels = new float[n * size];
        float lo = spec.min();
        float hi = spec.max();
        if (this == UNIFORM) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = lo + random.nextFloat() * (hi - lo);
            }
        } else {
            int[] order = pool.shuffledIndices(random);
            float[] other = new float[size];
            for (int i = 0; i < n; i++) {
                pool.copyImage(order[i], pixels, i * size);
                if (this == CUTMIX) {
                    pool.copyImage(order[(i + 1 + random.nextInt(pool.size() - 1)) % pool.size()], other, 0);
                    pasteBox(spec, other, pixels, i * size, random);
                }
            }
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = Math.max(lo, Math.min(hi, pixels[i] + (random.nextFloat() * 2 - 1) * noise));
            }
        }
        return new ImageDataset(pool.name() + "-" + json() + "-queries", spec, pixels, new int[n], pool.numClasses());
    }

    /** Copies a random box (its share of the area as above) from {@code source} into the image at {@code offset}. */
    private static void pasteBox(InputSpec spec, float[] source, float[] dest, int offset, Random random) {
        double side = Math.sqrt(MIN_BOX_AREA + BOX_AREA_SPREAD * random.nextDouble());
        int boxH = Math.max(1, (int) Math.round(side * spec.height()));
        int boxW = Math.max(1, (int) Math.round(side * spec.width()));
        int top = random.nextInt(spec.height() - boxH + 1);
        int left = random.nextInt(spec.width() - boxW + 1);
        for (int c = 0; c < spec.channels(); c++) {
            for (int y = top; y < top + boxH; y++) {
                int row = (c * spec.height() + y) * spec.width();
                System.arraycopy(source, row + left, dest, offset + row + left, boxW);
            }
        }
    }
}
