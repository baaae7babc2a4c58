package io.modelprint.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {
    @TempDir
    Path dir;

    /** Record r of a file: label r % classes; red plane = r, green = 100, blue = pixel index % 256. */
    private static byte[] records(int count, int labelBytes, int classes) {
        int size = labelBytes + 3072;
        byte[] bytes = new byte[count * size];
        for (int r = 0; r < count; r++) {
            int base = r * size;
            if (labelBytes == 2) {
                bytes[base] = (byte) (r % 20);
            }
            bytes[base + labelBytes - 1] = (byte) (r % classes);
            for (int p = 0; p < 1024; p++) {
                bytes[base + labelBytes + p] = (byte) r;
                bytes[base + labelBytes + 1024 + p] = (byte) 100;
                bytes[base + labelBytes + 2048 + p] = (byte) (p % 256);
            }
        }
        return bytes;
    }

    @Test
    void readsCifar10BatchesInChannelMajorOrder() throws IOException {
        for (int i = 1; i <= 5; i++) {
            Files.write(dir.resolve("data_batch_" + i + ".bin"), records(3, 1, 10));
        }
        Files.write(dir.resolve("test_batch.bin"), records(4, 1, 10));
        ImageDataset train = CifarReader.read(CifarReader.Variant.CIFAR10, dir, true);
        ImageDataset test = CifarReader.read(CifarReader.Variant.CIFAR10, dir, false);
        assertEquals(15, train.size());
        assertEquals(4, test.size());
        assertEquals(InputSpec.unitRange(3, 32, 32), train.spec());
        assertEquals(2, train.label(5));
        float[] image = new float[3072];
        train.copyImage(4, image, 0);
        assertEquals(1 / 255f, image[0], 1e-7);
        assertEquals(100 / 255f, image[1024 + 17], 1e-7);
        assertEquals(17 / 255f, image[2048 + 17], 1e-7);
    }

    @Test
    void readsCifar100FineLabels() throws IOException {
        Files.write(dir.resolve("train.bin"), records(5, 2, 100));
        ImageDataset train = CifarReader.read(CifarReader.Variant.CIFAR100, dir, true);
        assertEquals(100, train.numClasses());
        assertEquals(4, train.label(4));
    }

    @Test
    void truncatedOrMissingBatchIsRefused() throws IOException {
        byte[] bytes = records(2, 1, 10);
        Files.write(dir.resolve("test_batch.bin"), Arrays.copyOf(bytes, bytes.length - 7));
        InputException e = assertThrows(InputException.class, () -> CifarReader.read(CifarReader.Variant.CIFAR10, dir, false));
        assertTrue(e.getMessage().contains("test_batch.bin") && e.getMessage().contains("truncated"), e.getMessage());
        InputException missing = assertThrows(InputException.class, () -> CifarReader.read(CifarReader.Variant.CIFAR10, dir, true));
        assertTrue(missing.getMessage().contains("data_batch_1.bin"), missing.getMessage());
    }
}
