package io.modelprint.scheme.zest;

import java.util.Random;

/**
 * Zest's perturbations: m random on/off masks over a grid x grid partition of the image (grid
 * cells stand in for LIME's superpixels on small grey images), each cell kept with probability
 * 1/2. The same seeded masks are used for every reference image and rebuilt from the parameters
 * at verification.
 */
public record SegmentMasks(int count, int grid, long seed, boolean[][] kept) {
    public static SegmentMasks of(int count, int grid, long seed) {
        if (count < 2 || grid < 1) {
            throw new io.modelprint.InputException("Zest needs at least 2 masks and a grid of at least 1, got masks "
                    + count + ", grid " + grid);
        }
        Random random = new Random(seed);
        boolean[][] kept = new boolean[count][grid * grid];
        for (boolean[] mask : kept) {
            for (int s = 0; s < mask.length; s++) {
                mask[s] = random.nextBoolean();
            }
        }
        return new SegmentMasks(count, grid, seed, kept);
    }

    public int segments() {
        return grid * grid;
    }

    /** The grid cell of pixel (y, x) in an image of height h and width w. */
    public int segment(int y, int x, int h, int w) {
        return (y * grid / h) * grid + x * grid / w;
    }
}
