package io.modelprint.data;

import io.modelprint.InputException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Reads the IDX format of MNIST and Fashion-MNIST, gzipped or not (detected from the first bytes). */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {}

    /** Images as floats in [0,1], [N,1,H,W]. */
    public static float[] readImages(Path file, int[] dimsOut) {
        try (DataInputStream in = open(file)) {
            int[] dims = readHeader(in, file, 3);
            System.arraycopy(dims, 0, dimsOut, 0, 3);
            long total = (long) dims[0] * dims[1] * dims[2];
            if (total > Integer.MAX_VALUE) {
                throw new InputException(file + ": " + total + " pixels is more than this reader holds in memory");
            }
            byte[] raw = new byte[(int) total];
            readFully(in, raw, file);
            float[] pixels = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                pixels[i] = (raw[i] & 0xFF) / 255f;
            }
            return pixels;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    public static int[] readLabels(Path file) {
        try (DataInputStream in = open(file)) {
            int[] dims = readHeader(in, file, 1);
            byte[] raw = new byte[dims[0]];
            readFully(in, raw, file);
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Reads a matching images/labels pair into a data set. */
    public static ImageDataset read(String name, Path images, Path labelsFile, int numClasses) {
        int[] dims = new int[3];
        float[] pixels = readImages(images, dims);
        int[] labels = readLabels(labelsFile);
        if (labels.length != dims[0]) {
            throw new InputException(images + " holds " + dims[0] + " images but " + labelsFile + " holds "
                    + labels.length + " labels");
        }
        for (int label : labels) {
            if (label >= numClasses) {
                throw new InputException(labelsFile + ": label " + label + " is outside 0.." + (numClasses - 1));
            }
        }
        return new ImageDataset(name, InputSpec.unitRange(1, dims[1], dims[2]), pixels, labels, numClasses);
    }

    static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16)) : buffered;
        return new DataInputStream(in);
    }

    private static int[] readHeader(DataInputStream in, Path file, int expectedDims) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new InputException(file + ": truncated IDX file (no header)");
        }
        int type = (magic >> 8) & 0xFF;
        int dimCount = magic & 0xFF;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || dimCount != expectedDims) {
            throw new InputException(String.format(
                    "%s: not an IDX file of %d-dimensional unsigned bytes (magic 0x%08x)", file, expectedDims, magic));
        }
        int[] dims = new int[dimCount];
        for (int i = 0; i < dimCount; i++) {
            dims[i] = in.readInt();
            if (dims[i] <= 0) {
                throw new InputException(file + ": IDX dimension " + i + " is " + dims[i]);
            }
        }
        return dims;
    }

    private static void readFully(DataInputStream in, byte[] dest, Path file) throws IOException {
        try {
            in.readFully(dest);
        } catch (EOFException e) {
            throw new InputException(file + ": truncated IDX file (expected " + dest.length + " data bytes)");
        }
    }

    private static InputException unreadable(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new InputException(file + ": no such file");
        }
        return new InputException(file + ": cannot read IDX file: " + e.getMessage(), e);
    }
}
