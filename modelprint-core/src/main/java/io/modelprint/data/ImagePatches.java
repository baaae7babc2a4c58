package io.modelprint.data;

/**
 * Pixel operations on flattened [C,H,W] images used to make queries: pasting a square box from a
 * partner image (CutMix) and mirroring left to right.
 */
public final class ImagePatches {
    private ImagePatches() {}

    /** A box of {@code side} pixels with its top-left corner at (top, left). */
    public record Box(int top, int left, int side) {}

    /**
     * A box of {@code fraction} x the shorter side, centred uniformly within the central half of
     * the image, where a centred object (Fashion-MNIST, most photos) is; corners are often blank.
     */
    public static Box centralBox(InputSpec spec, float fraction, java.util.Random random) {
        int side = Math.max(1, Math.round(fraction * Math.min(spec.height(), spec.width())));
        int cy = spec.height() / 4 + random.nextInt(Math.max(1, spec.height() / 2));
        int cx = spec.width() / 4 + random.nextInt(Math.max(1, spec.width() / 2));
        int top = Math.min(Math.max(0, cy - side / 2), spec.height() - side);
        int left = Math.min(Math.max(0, cx - side / 2), spec.width() - side);
        return new Box(Math.max(0, top), Math.max(0, left), Math.min(side, Math.min(spec.height(), spec.width())));
    }

    /**
     * Copies the box of image {@code from} (at {@code fromOffset} in {@code source}) onto image
     * {@code dest} at {@code destOffset}; returns true when any pixel changed.
     */
    public static boolean pasteBox(InputSpec spec, float[] source, int fromOffset, float[] dest, int destOffset, Box box) {
        boolean changed = false;
        int h = spec.height();
        int w = spec.width();
        for (int c = 0; c < spec.channels(); c++) {
            for (int y = box.top(); y < box.top() + box.side(); y++) {
                for (int x = box.left(); x < box.left() + box.side(); x++) {
                    int at = c * h * w + y * w + x;
                    float v = source[fromOffset + at];
                    changed |= dest[destOffset + at] != v;
                    dest[destOffset + at] = v;
                }
            }
        }
        return changed;
    }

    /** Mirrors the image at {@code offset} left to right, in place. */
    public static void flipHorizontal(InputSpec spec, float[] images, int offset) {
        int h = spec.height();
        int w = spec.width();
        for (int c = 0; c < spec.channels(); c++) {
            for (int y = 0; y < h; y++) {
                int row = offset + c * h * w + y * w;
                for (int x = 0; x < w / 2; x++) {
                    float t = images[row + x];
                    images[row + x] = images[row + w - 1 - x];
                    images[row + w - 1 - x] = t;
                }
            }
        }
    }
}
