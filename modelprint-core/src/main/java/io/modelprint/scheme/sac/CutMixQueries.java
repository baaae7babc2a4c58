package io.modelprint.scheme.sac;

import io.modelprint.data.ImageDataset;
import io.modelprint.data.ImagePatches;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.GeneratedQueries;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.SeedSource;
import java.util.Random;

/**
 * SAC-m's queries: n images, each with a square box pasted from a partner image (a seeded
 * permutation). SAC's code puts a 0.2 x side box near a corner, which on Fashion-MNIST often
 * changes nothing (blank corners); here the box is {@code box} x the side, centred within the
 * central half of the image. An image the box did not change counts as not converged.
 */
public final class CutMixQueries implements QueryGenerator {
    private final float box;

    public CutMixQueries(float box) {
        if (!(box > 0 && box <= 1)) {
            throw new IllegalArgumentException("box must be in (0,1], got " + box);
        }
        this.box = box;
    }

    @Override
    public String name() {
        return "cutmix";
    }

    @Override
    public Access targetAccess() {
        return Access.LABELS;
    }

    @Override
    public GeneratedQueries generate(Differentiable target, SeedSource seeds, int n, long seed, ProgressListener progress) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of queries must be > 0, got " + n);
        }
        ImageDataset data = seeds.dataset("SAC-m queries");
        InputSpec spec = data.spec();
        int size = spec.pixelsPerImage();
        Random random = new Random(seed);
        int[] order = data.shuffledIndices(random);
        float[] values = new float[n * size];
        float[] partner = new float[size];
        boolean[] changed = new boolean[n];
        for (int i = 0; i < n; i++) {
            data.copyImage(order[i % order.length], values, i * size);
            int other = order[(i + 1 + random.nextInt(Math.max(1, order.length - 1))) % order.length];
            data.copyImage(other, partner, 0);
            changed[i] = ImagePatches.pasteBox(spec, partner, 0, values, i * size, ImagePatches.centralBox(spec, box, random));
        }
        progress.update(n, n, "cut-mix queries");
        return new GeneratedQueries(new Queries(spec, values, n), new int[n], changed);
    }
}
