package io.modelprint.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Labelled images held in memory as float32 [N,C,H,W] in the spec's value range. Small enough data
 * sets for CPU work (Fashion-MNIST is 188 MB as floats) fit easily.
 */
public final class ImageDataset {
    private final String name;
    private final InputSpec spec;
    private final float[] pixels;
    private final int[] labels;
    private final int numClasses;
    private final List<String> classNames;
    private String sha256;

    public ImageDataset(String name, InputSpec spec, float[] pixels, int[] labels, int numClasses) {
        this(name, spec, pixels, labels, numClasses, List.of());
    }

    /** @param classNames the name of each class in label order, or empty when the files do not name them */
    public ImageDataset(String name, InputSpec spec, float[] pixels, int[] labels, int numClasses, List<String> classNames) {
        if (!classNames.isEmpty() && classNames.size() != numClasses) {
            throw new IllegalArgumentException(name + ": " + classNames.size() + " class names for " + numClasses + " classes");
        }
        if (pixels.length != (long) labels.length * spec.pixelsPerImage()) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels but " + pixels.length
                    + " pixel values for images of " + spec.describeShape());
        }
        for (int label : labels) {
            if (label < 0 || label >= numClasses) {
                throw new IllegalArgumentException(name + ": label " + label + " outside [0," + numClasses + ")");
            }
        }
        this.name = name;
        this.spec = spec;
        this.pixels = pixels;
        this.labels = labels;
        this.numClasses = numClasses;
        this.classNames = List.copyOf(classNames);
    }

    /** The same images and labels (shared, not copied) under another name. */
    public ImageDataset withName(String newName) {
        return new ImageDataset(newName, spec, pixels, labels, numClasses, classNames);
    }

    /** The same images and labels (shared, not copied) with their classes named. */
    public ImageDataset withClassNames(List<String> names) {
        return new ImageDataset(name, spec, pixels, labels, numClasses, names);
    }

    public String name() {
        return name;
    }

    public InputSpec spec() {
        return spec;
    }

    public int size() {
        return labels.length;
    }

    public int numClasses() {
        return numClasses;
    }

    /** The classes' names in label order; empty when the data set's files do not name them. */
    public List<String> classNames() {
        return classNames;
    }

    public int label(int index) {
        return labels[index];
    }

    public int[] labels() {
        return labels.clone();
    }

    /** Copies image {@code index} into {@code dest} at {@code offset}. */
    public void copyImage(int index, float[] dest, int offset) {
        int size = spec.pixelsPerImage();
        System.arraycopy(pixels, index * size, dest, offset, size);
    }

    /** A copy of every image, flattened [N,C,H,W]. */
    /**
     * SHA-256 of the labels (int32 little-endian) followed by the pixels (float32 little-endian), for
     * provenance: which images a model was trained on or a fingerprint was drawn from. Computed once.
     */
    public synchronized String sha256() {
        if (sha256 == null) {
            java.security.MessageDigest digest = io.modelprint.io.Sha256.newDigest();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int label : labels) {
                if (buffer.remaining() < Integer.BYTES) {
                    digest.update(buffer.flip());
                    buffer.clear();
                }
                buffer.putInt(label);
            }
            for (float pixel : pixels) {
                if (buffer.remaining() < Float.BYTES) {
                    digest.update(buffer.flip());
                    buffer.clear();
                }
                buffer.putFloat(pixel);
            }
            digest.update(buffer.flip());
            sha256 = java.util.HexFormat.of().formatHex(digest.digest());
        }
        return sha256;
    }

    public float[] pixels() {
        return pixels.clone();
    }

    /** The images at {@code indices} as one [k,C,H,W] array. */
    public NDArray images(NDManager manager, int[] indices) {
        int size = spec.pixelsPerImage();
        float[] batch = new float[indices.length * size];
        for (int i = 0; i < indices.length; i++) {
            copyImage(indices[i], batch, i * size);
        }
        return manager.create(batch, spec.batchShape(indices.length));
    }

    public ImageDataset subset(int[] indices, String subsetName) {
        int size = spec.pixelsPerImage();
        float[] sub = new float[indices.length * size];
        int[] subLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            copyImage(indices[i], sub, i * size);
            subLabels[i] = labels[indices[i]];
        }
        return new ImageDataset(subsetName, spec, sub, subLabels, numClasses, classNames);
    }

    /** The first {@code count} images (all of them if fewer). */
    public ImageDataset head(int count) {
        int n = Math.min(count, size());
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return subset(indices, name + "[:" + n + "]");
    }

    /** A random permutation of 0..size-1 drawn from {@code random}. */
    public int[] shuffledIndices(Random random) {
        int[] order = new int[size()];
        Arrays.setAll(order, i -> i);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
