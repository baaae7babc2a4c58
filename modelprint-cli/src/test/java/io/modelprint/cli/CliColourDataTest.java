package io.modelprint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.data.ClassNames;
import io.modelprint.data.DatasetSource;
import io.modelprint.data.ImageDataset;
import io.modelprint.lab.attack.TransferTask;
import io.modelprint.lab.zoo.ZooManifest;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The colour bench's data: CIFAR-10's binary files as a user has them, the colour data set `data colour-fashion` makes
 * from Fashion-MNIST, the bench's directories per data set, and a Fashion-MNIST zoo refused for colour data.
 */
class CliColourDataTest {
    @TempDir
    Path dir;

    @Test
    void cifarBinaryFilesReadAsCifar10WithItsClassesItsTransferTaskAndItsOwnBenchDirectories() throws IOException {
        Path cifar = dir.resolve("cifar-10-batches-bin");
        Files.createDirectories(cifar);
        for (int batch = 1; batch <= 5; batch++) {
            writeRecords(cifar.resolve("data_batch_" + batch + ".bin"), 4, batch);
        }
        writeRecords(cifar.resolve("test_batch.bin"), 3, 9);
        ImageDataset train = DatasetSource.of("cifar10", cifar).train();
        assertEquals("cifar10-train", train.name());
        assertEquals(20, train.size());
        assertEquals(ClassNames.CIFAR10, train.classNames(), "CIFAR-10's names without batches.meta.txt");
        assertEquals(3, train.spec().channels());
        assertEquals(7 / 255f, train.pixels()[3 * 1024 + 7], 1e-6, "channel-major: pixel 7 of the second image's red plane");
        TransferTask task = TransferTask.of(train);
        assertEquals("vehicles-animals", task.name());
        assertEquals(0, task.mapping()[0], "airplane is a vehicle");
        assertEquals(1, task.mapping()[3], "cat is an animal");
        assertEquals("-cifar10", BenchCommand.dataSuffix(train));
        assertEquals("", BenchCommand.dataSuffix(SyntheticData.bands(10, 10, 4, 4, 0).withName("fashion-mnist-train")));

        Files.writeString(cifar.resolve("batches.meta.txt"), "airplane\nautomobile\n");
        CliRunner.Result refused = CliRunner.run("bench", "--preset", "quick", "--dataset", "cifar10", "--data", cifar.toString(),
                "--zoo", dir.resolve("zoo").toString(), "--out", dir.resolve("bench").toString());
        assertEquals(ExitCode.BAD_INPUT, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("batches.meta.txt") && refused.err().contains("found 2 lines"), refused.err());
    }

    @Test
    void colourFashionIsFashionMnistColouredIn3x32x32AndAFashionZooIsRefusedForIt() throws IOException {
        Path fashion = SyntheticData.writeFashionMnistLike(dir.resolve("fashion"), 50, 10, 28);
        Path colour = dir.resolve("colour-fashion");
        CliRunner.Result made = CliRunner.run("data", "colour-fashion", "--data", fashion.toString(), "--out", colour.toString(),
                "--seed", "3", "--format", "json");
        assertEquals(0, made.exitCode(), made.err());
        assertEquals(50, made.json().get("trainImages").asInt());
        ImageDataset grey = DatasetSource.of("fashion-mnist", fashion).train();
        ImageDataset train = DatasetSource.of("cifar10", colour).train();
        assertEquals("colour-fashion-train", train.name(), "named after its directory, not taken for CIFAR-10");
        assertEquals(ClassNames.FASHION_MNIST, train.classNames());
        assertEquals("tops-bottoms-footwear-bags", TransferTask.of(train).name(), "Fashion-MNIST's task, whatever the format");
        assertArrayEquals(grey.labels(), train.labels());
        float[] pixels = train.pixels();
        float[] original = grey.pixels();
        int coloured = 0;
        for (int i = 0; i < train.size(); i++) {
            int base = i * 3 * 1024;
            float red = pixels[base + 16 * 32 + 16];
            float green = pixels[base + 1024 + 16 * 32 + 16];
            coloured += Math.abs(red - green) > 0.05 ? 1 : 0;
            // the shape survives in every channel: a brighter grey pixel is brighter in colour (the garment is the lighter one)
            float inBand = original[i * 784 + 14 * 28 + 14];
            float outBand = original[i * 784 + 27 * 28 + 14];
            if (inBand - outBand > 0.3f) {
                assertTrue(pixels[base + 16 * 32 + 16] > pixels[base + 29 * 32 + 16], "image " + i);
            }
        }
        assertTrue(coloured > train.size() / 2, "most images are not grey: " + coloured);
        CliRunner.Result again = CliRunner.run("data", "colour-fashion", "--data", fashion.toString(), "--out", colour.toString());
        assertEquals(ExitCode.BAD_INPUT, again.exitCode());
        assertTrue(again.err().contains("not an empty directory"), again.err());

        Path zoo = dir.resolve("zoo-quick");
        new ZooManifest(1, "quick", 0, "fashion-mnist-train", Map.of(), List.of(), null).write(zoo);
        CliRunner.Result refused = CliRunner.run("bench", "--preset", "quick", "--dataset", "cifar10", "--data", colour.toString(),
                "--zoo", zoo.toString(), "--out", dir.resolve("bench").toString());
        assertEquals(ExitCode.BAD_INPUT, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("built on fashion-mnist-train, not on colour-fashion-train"), refused.err());
        assertEquals(List.of(zoo.resolve(ZooManifest.FILE_NAME)), Files.list(zoo).filter(p -> !p.getFileName().toString()
                .startsWith(".")).toList(), "nothing built in the refused zoo");
    }

    /** CIFAR-10 records as its binary version stores them: label byte, then red, green and blue planes; pixel p of plane c is p. */
    private static void writeRecords(Path file, int count, int firstLabel) throws IOException {
        byte[] bytes = new byte[count * 3073];
        for (int r = 0; r < count; r++) {
            bytes[r * 3073] = (byte) ((firstLabel + r) % 10);
            for (int p = 0; p < 3072; p++) {
                bytes[r * 3073 + 1 + p] = (byte) (p % 1024 % 256);
            }
        }
        Files.write(file, bytes);
    }
}
