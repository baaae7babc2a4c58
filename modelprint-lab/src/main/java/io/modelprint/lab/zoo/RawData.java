package io.modelprint.lab.zoo;

import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** A data set handed to another program (or a worker process) as raw little-endian arrays: pixels float32 [N,C,H,W], labels int32 [N]. */
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

    /** Reads back what {@link #write} wrote, as the data set {@code name}. */
    static ImageDataset read(String name, InputSpec spec, int numClasses, Path images, Path labels) throws IOException {
        ByteBuffer labelBytes = ByteBuffer.wrap(Files.readAllBytes(labels)).order(ByteOrder.LITTLE_ENDIAN);
        int[] labelValues = new int[labelBytes.remaining() / Integer.BYTES];
        labelBytes.asIntBuffer().get(labelValues);
        float[] pixels = new float[Math.multiplyExact(labelValues.length, spec.pixelsPerImage())];
        try (FileChannel in = FileChannel.open(images, StandardOpenOption.READ)) {
            ByteBuffer buffer = in.map(FileChannel.MapMode.READ_ONLY, 0, (long) pixels.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asFloatBuffer().get(pixels);
        }
        return new ImageDataset(name, spec, pixels, labelValues, numClasses);
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
