package io.modelprint.data;

import io.modelprint.InputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads {@code root/<class>/<image>} folders (PNG, JPEG, BMP, GIF); classes are the sub-folder
 * names in sorted order. Every image must have the height and width of the first one; images are
 * read as grayscale when {@code channels == 1}, as RGB when 3.
 */
public final class ImageFolderReader {
    private ImageFolderReader() {}

    /** Reads the folder with as many channels as its first image has: grey images give 1, colour images 3. */
    public static ImageDataset read(Path root) {
        return read(root, 0);
    }

    /** @param channels 1 (grey), 3 (RGB), or 0 to take the first image's */
    public static ImageDataset read(Path root, int channels) {
        if (channels != 0 && channels != 1 && channels != 3) {
            throw new InputException("image folder channels must be 1 or 3, got " + channels);
        }
        List<Path> classDirs = list(root).stream().filter(Files::isDirectory).sorted().toList();
        if (classDirs.isEmpty()) {
            throw new InputException(root + ": no class sub-folders (expected " + root + "/<class>/<image>.png)");
        }
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int height = -1;
        int width = -1;
        for (int label = 0; label < classDirs.size(); label++) {
            List<Path> files = list(classDirs.get(label)).stream().filter(ImageFolderReader::isImage).sorted().toList();
            for (Path file : files) {
                BufferedImage image = readImage(file);
                if (channels == 0) {
                    channels = image.getColorModel().getNumColorComponents() == 1 ? 1 : 3;
                }
                if (height < 0) {
                    height = image.getHeight();
                    width = image.getWidth();
                } else if (image.getHeight() != height || image.getWidth() != width) {
                    throw new InputException(file + ": image is " + image.getWidth() + "x" + image.getHeight()
                            + " but earlier images are " + width + "x" + height);
                }
                images.add(toChw(image, channels));
                labels.add(label);
            }
        }
        if (images.isEmpty()) {
            throw new InputException(root + ": no images found under the class folders");
        }
        InputSpec spec = InputSpec.unitRange(channels, height, width);
        float[] pixels = new float[images.size() * spec.pixelsPerImage()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * spec.pixelsPerImage(), spec.pixelsPerImage());
        }
        return new ImageDataset(root.getFileName().toString(), spec, pixels,
                labels.stream().mapToInt(Integer::intValue).toArray(), classDirs.size(),
                classDirs.stream().map(d -> d.getFileName().toString()).toList());
    }

    private static float[] toChw(BufferedImage image, int channels) {
        int h = image.getHeight();
        int w = image.getWidth();
        float[] out = new float[channels * h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (channels == 1) {
                    out[y * w + x] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
                } else {
                    out[y * w + x] = r / 255f;
                    out[h * w + y * w + x] = g / 255f;
                    out[2 * h * w + y * w + x] = b / 255f;
                }
            }
        }
        return out;
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file)
                && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")
                        || name.endsWith(".bmp") || name.endsWith(".gif"));
    }

    private static BufferedImage readImage(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new InputException(file + ": not a readable image");
            }
            return image;
        } catch (IOException e) {
            throw new InputException(file + ": cannot read image: " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": no such directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }
}
