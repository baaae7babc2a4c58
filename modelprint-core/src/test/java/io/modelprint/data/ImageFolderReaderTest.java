package io.modelprint.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {
    @TempDir
    Path dir;

    private void png(Path file, int width, int height, int rgb) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void classesAreSortedFolderNamesAndPixelsAreChw() throws IOException {
        png(dir.resolve("cat/a.png"), 4, 3, 0xFF0000);
        png(dir.resolve("cat/b.png"), 4, 3, 0xFF0000);
        png(dir.resolve("ant/a.png"), 4, 3, 0x0000FF);
        ImageDataset rgb = ImageFolderReader.read(dir, 3);
        assertEquals(3, rgb.size());
        assertEquals(2, rgb.numClasses());
        assertEquals(0, rgb.label(0));
        assertEquals(1, rgb.label(2));
        float[] image = new float[3 * 3 * 4];
        rgb.copyImage(0, image, 0);
        assertEquals(0f, image[0]);
        assertEquals(1f, image[2 * 12]);
        ImageDataset gray = ImageFolderReader.read(dir, 1);
        float[] g = new float[12];
        gray.copyImage(2, g, 0);
        assertEquals(0.299f, g[5], 1e-3);
        assertEquals(3, ImageFolderReader.read(dir).spec().channels(), "colour images are read with 3 channels");
    }

    @Test
    void greyImagesAreReadWithOneChannel() throws IOException {
        Path grey = dir.resolve("grey");
        for (String name : new String[] {"a/1.png", "b/1.png"}) {
            Path file = grey.resolve(name);
            Files.createDirectories(file.getParent());
            BufferedImage image = new BufferedImage(5, 5, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setSample(2, 2, 0, 255);
            ImageIO.write(image, "png", file.toFile());
        }
        ImageDataset data = ImageFolderReader.read(grey);
        assertEquals(1, data.spec().channels());
        float[] pixels = new float[25];
        data.copyImage(0, pixels, 0);
        assertEquals(1f, pixels[12], 1e-6);
    }

    @Test
    void mixedSizesAndEmptyFoldersAreRefused() throws IOException {
        png(dir.resolve("a/1.png"), 4, 4, 0);
        png(dir.resolve("b/2.png"), 5, 4, 0);
        InputException e = assertThrows(InputException.class, () -> ImageFolderReader.read(dir, 1));
        assertTrue(e.getMessage().contains("2.png"), e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThrows(InputException.class, () -> ImageFolderReader.read(empty, 1));
    }
}
