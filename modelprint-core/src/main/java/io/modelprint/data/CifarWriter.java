package io.modelprint.data;

import io.modelprint.InputException;
import io.modelprint.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes a 10-class 3x32x32 data set in CIFAR-10's binary version, as {@link CifarReader} reads it: the training split
 * in five {@code data_batch_N.bin}, the test split in {@code test_batch.bin} (one label byte and 3072 pixel bytes per
 * image, channel-major), the class names in {@code batches.meta.txt}. The directory is written under a temporary name
 * and renamed when complete, so a killed run leaves nothing that reads as a data set.
 */
public final class CifarWriter {
    private static final int BATCHES = 5;

    private CifarWriter() {}

    /** Writes {@code dir}, which must not exist or be empty. */
    public static void write(ImageDataset train, ImageDataset test, Path dir) {
        for (ImageDataset split : new ImageDataset[] {train, test}) {
            InputSpec spec = split.spec();
            if (spec.channels() != 3 || spec.height() != 32 || spec.width() != 32 || split.numClasses() != 10) {
                throw new InputException(split.name() + ": CIFAR-10's format holds 10 classes of 3x32x32 images, got "
                        + split.numClasses() + " classes of " + spec.describeShape());
            }
        }
        if (train.size() < BATCHES || test.size() == 0) {
            throw new InputException("CIFAR-10's format needs at least " + BATCHES + " training images (one per batch file) and one"
                    + " test image, got " + train.size() + " and " + test.size());
        }
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !isEmptyDirectory(target)) {
            throw new InputException(dir + ": exists and is not an empty directory; choose a new --out");
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
            int perBatch = (train.size() + BATCHES - 1) / BATCHES;
            for (int b = 0; b < BATCHES; b++) {
                writeBatch(train, b * perBatch, Math.min(train.size(), (b + 1) * perBatch), tmp.resolve("data_batch_" + (b + 1) + ".bin"));
            }
            writeBatch(test, 0, test.size(), tmp.resolve("test_batch.bin"));
            java.util.List<String> classes = train.classNames().isEmpty()
                    ? java.util.stream.IntStream.range(0, 10).mapToObj(c -> "class" + c).toList() : train.classNames();
            String names = String.join("\n", classes) + "\n";
            Files.writeString(tmp.resolve(CifarReader.META_FILE), names, StandardCharsets.UTF_8);
            Files.deleteIfExists(target);
            AtomicFiles.moveIntoPlace(tmp, target);
        } catch (IOException e) {
            AtomicFiles.deleteTreeQuietly(tmp);
            throw new InputException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void writeBatch(ImageDataset data, int from, int to, Path file) throws IOException {
        int size = data.spec().pixelsPerImage();
        float[] image = new float[size];
        byte[] record = new byte[1 + size];
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int i = from; i < to; i++) {
                data.copyImage(i, image, 0);
                record[0] = (byte) data.label(i);
                for (int p = 0; p < size; p++) {
                    record[1 + p] = (byte) Math.round(Math.min(1f, Math.max(0f, image[p])) * 255);
                }
                out.write(record);
            }
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }
}
