package io.modelprint.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.testing.SyntheticData;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsGzippedAndPlainFilesTheSame() throws IOException {
        ImageDataset original = SyntheticData.bands(20, 10, 28, 28, 3);
        SyntheticData.writeIdxPair(dir, "train", original);
        Path gz = dir.resolve("train-images-idx3-ubyte.gz");
        Path plain = dir.resolve("plain-images");
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            Files.write(plain, in.readAllBytes());
        }
        int[] dims = new int[3];
        float[] fromGz = IdxReader.readImages(gz, dims);
        assertArrayEquals(new int[] {20, 28, 28}, dims);
        assertArrayEquals(fromGz, IdxReader.readImages(plain, new int[3]));

        ImageDataset read = IdxReader.read("t", gz, dir.resolve("train-labels-idx1-ubyte.gz"), 10);
        assertEquals(20, read.size());
        assertArrayEquals(original.labels(), read.labels());
        float[] image = new float[784];
        float[] expected = new float[784];
        read.copyImage(7, image, 0);
        original.copyImage(7, expected, 0);
        for (int i = 0; i < 784; i++) {
            assertEquals(expected[i], image[i], 0.5f / 255 + 1e-6f, "pixel " + i);
        }
    }

    @Test
    void truncatedFileIsRefusedWithItsName() throws IOException {
        SyntheticData.writeIdxPair(dir, "train", SyntheticData.bands(10, 10, 28, 28, 3));
        Path plain = dir.resolve("cut-images");
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("train-images-idx3-ubyte.gz")))) {
            byte[] all = in.readAllBytes();
            Files.write(plain, Arrays.copyOf(all, all.length - 100));
        }
        InputException e = assertThrows(InputException.class, () -> IdxReader.readImages(plain, new int[3]));
        assertTrue(e.getMessage().contains(plain.toString()) && e.getMessage().contains("truncated"), e.getMessage());

        Path gz = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] compressed = Files.readAllBytes(gz);
        Path cutGz = dir.resolve("cut.gz");
        Files.write(cutGz, Arrays.copyOf(compressed, compressed.length / 2));
        InputException e2 = assertThrows(InputException.class, () -> IdxReader.readImages(cutGz, new int[3]));
        assertTrue(e2.getMessage().contains(cutGz.toString()), e2.getMessage());
    }

    @Test
    void wrongMagicAndMissingFilesAreRefused() throws IOException {
        Path labels = dir.resolve("labels");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0x00000801);
            out.writeInt(3);
            out.write(new byte[] {1, 2, 3});
        }
        Files.write(labels, bytes.toByteArray());
        assertArrayEquals(new int[] {1, 2, 3}, IdxReader.readLabels(labels));
        InputException wrongKind = assertThrows(InputException.class, () -> IdxReader.readImages(labels, new int[3]));
        assertTrue(wrongKind.getMessage().contains("not an IDX file"), wrongKind.getMessage());
        InputException missing = assertThrows(InputException.class, () -> IdxReader.readLabels(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("nope") && missing.getMessage().contains("no such file"));
    }

    @Test
    void missingFashionMnistSaysHowToGetIt() {
        InputException e = assertThrows(InputException.class, () -> DatasetSource.of("fashion-mnist", dir).train());
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("--data"), e.getMessage());
        InputException unknown = assertThrows(InputException.class, () -> DatasetSource.of("imagenet", null));
        assertTrue(unknown.getMessage().contains("imagenet"));
    }
}
