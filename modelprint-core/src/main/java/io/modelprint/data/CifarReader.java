package io.modelprint.data;

import io.modelprint.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the binary versions of CIFAR-10 ({@code data_batch_*.bin}, {@code test_batch.bin}: one
 * label byte + 3072 pixel bytes per record) and CIFAR-100 ({@code train.bin}, {@code test.bin}:
 * coarse and fine label bytes + 3072; the fine label is used). Pixels are stored channel-major
 * (1024 red, 1024 green, 1024 blue), which is already [C,H,W]. CIFAR-10's class names come from
 * {@code batches.meta.txt}; a directory whose names are not CIFAR-10's is another data set in its format and is
 * named after its directory ({@code colour-fashion-train}), so that zoos and reports do not take it for CIFAR-10.
 */
public final class CifarReader {
    private static final int PIXELS = 3 * 32 * 32;
    /** The class names CIFAR-10's binary version ships beside its batches. */
    public static final String META_FILE = "batches.meta.txt";

    public enum Variant {
        CIFAR10(1, 10),
        CIFAR100(2, 100);

        final int labelBytes;
        final int numClasses;

        Variant(int labelBytes, int numClasses) {
            this.labelBytes = labelBytes;
            this.numClasses = numClasses;
        }

        public int numClasses() {
            return numClasses;
        }

        List<String> files(boolean train) {
            if (this == CIFAR100) {
                return List.of(train ? "train.bin" : "test.bin");
            }
            if (!train) {
                return List.of("test_batch.bin");
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                names.add("data_batch_" + i + ".bin");
            }
            return names;
        }
    }

    private CifarReader() {}

    /** Reads the train or test split from a directory holding the binary batch files. */
    public static ImageDataset read(Variant variant, Path dir, boolean train) {
        List<byte[]> contents = new ArrayList<>();
        for (String name : variant.files(train)) {
            contents.add(readFile(dir.resolve(name), variant));
        }
        int recordSize = variant.labelBytes + PIXELS;
        int count = contents.stream().mapToInt(b -> b.length / recordSize).sum();
        float[] pixels = new float[count * PIXELS];
        int[] labels = new int[count];
        int index = 0;
        for (byte[] bytes : contents) {
            for (int offset = 0; offset < bytes.length; offset += recordSize, index++) {
                labels[index] = bytes[offset + variant.labelBytes - 1] & 0xFF;
                for (int p = 0; p < PIXELS; p++) {
                    pixels[index * PIXELS + p] = (bytes[offset + variant.labelBytes + p] & 0xFF) / 255f;
                }
            }
        }
        List<String> classNames = classNames(variant, dir);
        String split = train ? "-train" : "-test";
        // a directory in CIFAR-10's format holding other classes (e.g. `modelprint data colour-fashion`) is named after itself
        String name = variant == Variant.CIFAR10 && !ClassNames.same(classNames, ClassNames.CIFAR10)
                ? dirName(dir) + split : variant.name().toLowerCase(Locale.ROOT) + split;
        return new ImageDataset(name, InputSpec.unitRange(3, 32, 32), pixels, labels, variant.numClasses, classNames);
    }

    /**
     * CIFAR-10's names: those of {@value #META_FILE} when the directory has one (one per line, as CIFAR-10 ships them),
     * else CIFAR-10's own. CIFAR-100's are not read (empty).
     */
    static List<String> classNames(Variant variant, Path dir) {
        if (variant != Variant.CIFAR10) {
            return List.of();
        }
        Path meta = dir.resolve(META_FILE);
        if (!Files.isRegularFile(meta)) {
            return ClassNames.CIFAR10;
        }
        List<String> names;
        try {
            names = Files.readAllLines(meta, StandardCharsets.UTF_8).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new InputException(meta + ": cannot read: " + e.getMessage(), e);
        }
        boolean odd = names.stream().anyMatch(n -> n.length() > 100 || n.chars().anyMatch(Character::isISOControl));
        if (names.size() != variant.numClasses || odd) {
            throw new InputException(meta + ": expected " + variant.numClasses + " class names, one per line (at most 100 characters,"
                    + " no control characters), found " + names.size() + " lines");
        }
        return names;
    }

    private static String dirName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        // never CIFAR-10's own name, whatever the directory is called
        return name == null || name.toString().equalsIgnoreCase("cifar10") ? "cifar10-format" : name.toString();
    }

    private static byte[] readFile(Path file, Variant variant) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file (expected the " + variant + " binary version here)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        int recordSize = variant.labelBytes + PIXELS;
        if (bytes.length == 0 || bytes.length % recordSize != 0) {
            throw new InputException(file + ": " + bytes.length + " bytes is not a whole number of " + variant
                    + " records of " + recordSize + " bytes (truncated file or wrong variant?)");
        }
        for (int offset = variant.labelBytes - 1; offset < bytes.length; offset += recordSize) {
            int label = bytes[offset] & 0xFF;
            if (label >= variant.numClasses) {
                throw new InputException(file + ": label " + label + " at record " + offset / recordSize
                        + " is outside 0.." + (variant.numClasses - 1) + " (wrong variant?)");
            }
        }
        return bytes;
    }
}
