package io.modelprint.testing;

import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Small learnable image data made on the spot: class c is a bright horizontal band at a height
 * that depends on c, plus noise. A few epochs of any architecture separate the classes.
 */
public final class SyntheticData {
    private SyntheticData() {}

    public static ImageDataset bands(int count, int classes, int height, int width, long seed) {
        Random random = new Random(seed);
        InputSpec spec = InputSpec.unitRange(1, height, width);
        float[] pixels = new float[count * height * width];
        int[] labels = new int[count];
        int bandHeight = Math.max(1, height / classes);
        for (int i = 0; i < count; i++) {
            int label = i % classes;
            labels[i] = label;
            for (int y = 0; y < height; y++) {
                boolean inBand = y / bandHeight == label;
                for (int x = 0; x < width; x++) {
                    float value = (inBand ? 0.8f : 0.1f) + 0.2f * (random.nextFloat() - 0.5f);
                    pixels[i * height * width + y * width + x] = Math.min(1f, Math.max(0f, value));
                }
            }
        }
        return new ImageDataset("bands", spec, pixels, labels, classes);
    }

    /**
     * The colour variant of {@link #bands}: 3 channels, the class still in the band's height, and every image coloured
     * by its own random band colour (each channel in [0.5, 1]) and background colour (each in [0, 0.3]), so that colour
     * varies but tells nothing about the class.
     */
    public static ImageDataset colourBands(int count, int classes, int height, int width, long seed) {
        ImageDataset grey = bands(count, classes, height, width, seed);
        Random random = new Random(seed ^ 0xC0104L);
        int plane = height * width;
        float[] image = new float[plane];
        float[] pixels = new float[count * 3 * plane];
        for (int i = 0; i < count; i++) {
            grey.copyImage(i, image, 0);
            for (int c = 0; c < 3; c++) {
                float band = 0.5f + 0.5f * random.nextFloat();
                float background = 0.3f * random.nextFloat();
                for (int p = 0; p < plane; p++) {
                    pixels[(i * 3 + c) * plane + p] = background + (band - background) * image[p];
                }
            }
        }
        return new ImageDataset("colour-bands", InputSpec.unitRange(3, height, width), pixels, grey.labels(), classes);
    }

    /** Writes a data set as the four Fashion-MNIST IDX files (gzipped) under {@code dir}. */
    public static void writeIdxPair(Path dir, String prefix, ImageDataset data) throws IOException {
        Files.createDirectories(dir);
        InputSpec spec = data.spec();
        try (DataOutputStream out = new DataOutputStream(gzip(dir.resolve(prefix + "-images-idx3-ubyte.gz")))) {
            out.writeInt(0x00000803);
            out.writeInt(data.size());
            out.writeInt(spec.height());
            out.writeInt(spec.width());
            float[] image = new float[spec.pixelsPerImage()];
            for (int i = 0; i < data.size(); i++) {
                data.copyImage(i, image, 0);
                for (float v : image) {
                    out.writeByte(Math.round(v * 255));
                }
            }
        }
        try (DataOutputStream out = new DataOutputStream(gzip(dir.resolve(prefix + "-labels-idx1-ubyte.gz")))) {
            out.writeInt(0x00000801);
            out.writeInt(data.size());
            for (int i = 0; i < data.size(); i++) {
                out.writeByte(data.label(i));
            }
        }
    }

    /** A Fashion-MNIST-shaped directory (train + t10k) of band images. */
    public static Path writeFashionMnistLike(Path dir, int trainCount, int testCount, int size) throws IOException {
        writeIdxPair(dir, "train", bands(trainCount, 10, size, size, 1));
        writeIdxPair(dir, "t10k", bands(testCount, 10, size, size, 2));
        return dir;
    }

    private static OutputStream gzip(Path file) throws IOException {
        return new GZIPOutputStream(Files.newOutputStream(file));
    }
}
