package io.modelprint.lab.zoo;

import io.modelprint.data.ImageDataset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** A data set handed to another program as raw little-endian arrays: pixels float32 [N,C,H,W], labels int32 [N]. */
final class RawData {
    private RawData() {}

    static void write(ImageDataset data, Path images, Path labels) throws IOException {
        int size = data.spec().pixelsPerImage();
        float[] image = new float[size];
        try (FileChannel out = FileChannel.open(images, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(Float.BYTES * size).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < data.size(); i++) {
                data.copyImage(i, image, 0);
                buffer.clear();
                buffer.asFloatBuffer().put(image);
                drain(out, buffer);
            }
        }
        try (FileChannel out = FileChannel.open(labels, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES * data.size()).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asIntBuffer().put(data.labels());
            drain(out, buffer);
        }
    }

    private static void drain(FileChannel out, ByteBuffer buffer) throws IOException {
        buffer.position(0).limit(buffer.capacity());
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    /** Deletes a working directory and what it holds; a directory already gone is fine. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover starting with "." is removed by the next build (ZooLock.removeLeftovers)
        }
    }
}
