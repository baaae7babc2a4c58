package io.modelprint.data;

import io.modelprint.InputException;
import java.util.SplittableRandom;

/**
 * A colour data set this machine can make without CIFAR-10: Fashion-MNIST's grey images padded to 3x32x32 (2 pixels of
 * background on each side), each coloured by a seeded rule that ignores the label. Every image draws its own garment
 * colour (each channel in [0.55, 1]) and background colour (each channel in [0, 0.35]); a pixel of grey value g becomes
 * background + (garment - background) * g. The class stays in the shape, so the task is Fashion-MNIST's; colour varies
 * from image to image and carries no label, so a model has to see through it. It is not CIFAR-10 (no natural images,
 * no textures, Fashion-MNIST's classes) and is named so ({@code colour-fashion}).
 */
public final class ColourFashion {
    public static final int SIZE = 32;
    static final float GARMENT_LOW = 0.55f;
    static final float BACKGROUND_HIGH = 0.35f;
    /** The test split draws its colours from another stream than the training split's. */
    private static final long TEST_STREAM = 0x5DEECE66DL;

    private ColourFashion() {}

    /** Colours {@code grey} (1 channel, at most 32x32, values in [0,1]): the same labels and class names, 3x32x32. */
    public static ImageDataset of(ImageDataset grey, long seed, boolean train, String name) {
        InputSpec spec = grey.spec();
        if (spec.channels() != 1 || spec.height() > SIZE || spec.width() > SIZE) {
            throw new InputException(grey.name() + ": colour-fashion is made from grey images of at most " + SIZE + "x" + SIZE
                    + ", got " + spec.describeShape());
        }
        InputSpec colour = InputSpec.unitRange(3, SIZE, SIZE);
        int plane = SIZE * SIZE;
        int top = (SIZE - spec.height()) / 2;
        int left = (SIZE - spec.width()) / 2;
        float[] image = new float[spec.pixelsPerImage()];
        float[] pixels = new float[grey.size() * colour.pixelsPerImage()];
        SplittableRandom stream = new SplittableRandom(train ? seed : seed ^ TEST_STREAM);
        for (int i = 0; i < grey.size(); i++) {
            grey.copyImage(i, image, 0);
            SplittableRandom random = stream.split();
            int offset = i * colour.pixelsPerImage();
            for (int c = 0; c < 3; c++) {
                float garment = GARMENT_LOW + (1 - GARMENT_LOW) * (float) random.nextDouble();
                float background = BACKGROUND_HIGH * (float) random.nextDouble();
                int base = offset + c * plane;
                java.util.Arrays.fill(pixels, base, base + plane, background);
                for (int y = 0; y < spec.height(); y++) {
                    for (int x = 0; x < spec.width(); x++) {
                        float g = Math.min(1f, Math.max(0f, image[y * spec.width() + x]));
                        pixels[base + (y + top) * SIZE + x + left] = background + (garment - background) * g;
                    }
                }
            }
        }
        return new ImageDataset(name, colour, pixels, grey.labels(), grey.numClasses(), grey.classNames());
    }
}
