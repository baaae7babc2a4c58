package io.modelprint.scheme;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.ImagePatches;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import io.modelprint.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Queries = images the target gets wrong (AKH's negative fingerprint, SAC-w's samples), taken in a
 * seeded order from a labelled split. When the split holds fewer than n, mirrored copies and CutMix
 * mixtures of the wrong images are added while the target still gets them wrong (label of the base
 * image), at most 10 per wrong image; below that the request is refused with the number that exists.
 */
public final class MisclassifiedInputs implements QueryGenerator {
    private static final int CHUNK = 1024;
    private static final float AUGMENT_BOX = 0.4f;
    private static final int MAX_COPIES_PER_IMAGE = 10;
    private final boolean augment;

    public MisclassifiedInputs(boolean augment) {
        this.augment = augment;
    }

    @Override
    public String name() {
        return "misclassified";
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
        ImageDataset data = seeds.dataset("queries of misclassified inputs");
        InputSpec spec = data.spec();
        int size = spec.pixelsPerImage();
        int[] order = data.shuffledIndices(new Random(seed));
        List<Integer> wrong = new ArrayList<>();
        float[] chunk = new float[CHUNK * size];
        for (int from = 0; from < order.length && wrong.size() < n; from += CHUNK) {
            int count = Math.min(CHUNK, order.length - from);
            for (int i = 0; i < count; i++) {
                data.copyImage(order[from + i], chunk, i * size);
            }
            long[] predicted = Labels.predict(target, Arrays.copyOf(chunk, count * size), count);
            for (int i = 0; i < count && wrong.size() < n; i++) {
                if (predicted[i] != data.label(order[from + i])) {
                    wrong.add(order[from + i]);
                }
            }
            progress.update(Math.min(wrong.size(), n), n, "misclassified inputs found");
        }
        float[] values = new float[n * size];
        for (int i = 0; i < wrong.size(); i++) {
            data.copyImage(wrong.get(i), values, i * size);
        }
        int found = wrong.size();
        int total = found < n && augment && found > 0 ? augmented(target, data, wrong, values, n, new Random(seed + 1)) : found;
        if (total < n) {
            throw new InputException("the target gets only " + found + " of " + data.size() + " images of " + data.name()
                    + " wrong" + (augment ? " (" + total + " with mirrored and CutMix copies)" : "")
                    + "; need " + n + ": use --n " + Math.max(1, total) + " or another --split");
        }
        int[] iterations = new int[n];
        boolean[] converged = new boolean[n];
        Arrays.fill(converged, true);
        return new GeneratedQueries(new Queries(spec, values, n), iterations, converged);
    }

    /**
     * Fills values[found..n) with augmented wrong images, made and checked a batch at a time; at most
     * {@link #MAX_COPIES_PER_IMAGE} copies per wrong image are asked for, so a request far beyond what
     * the split holds is refused quickly. Returns how many images values holds.
     */
    private int augmented(Differentiable target, ImageDataset data, List<Integer> wrong, float[] values, int n, Random random) {
        InputSpec spec = data.spec();
        int size = spec.pixelsPerImage();
        int filled = wrong.size();
        if (n > (long) wrong.size() * (1 + MAX_COPIES_PER_IMAGE)) {
            return filled;
        }
        float[] partner = new float[size];
        long budget = 20L * (n - filled);
        for (long attempt = 0; attempt < budget && filled < n; attempt += CHUNK) {
            int count = (int) Math.min(CHUNK, budget - attempt);
            float[] candidates = new float[count * size];
            int[] bases = new int[count];
            for (int i = 0; i < count; i++) {
                bases[i] = wrong.get(random.nextInt(wrong.size()));
                data.copyImage(bases[i], candidates, i * size);
                if (random.nextBoolean()) {
                    ImagePatches.flipHorizontal(spec, candidates, i * size);
                }
                if (wrong.size() > 1 && random.nextBoolean()) {
                    data.copyImage(wrong.get(random.nextInt(wrong.size())), partner, 0);
                    ImagePatches.pasteBox(spec, partner, 0, candidates, i * size, ImagePatches.centralBox(spec, AUGMENT_BOX, random));
                }
            }
            long[] predicted = Labels.predict(target, candidates, count);
            for (int i = 0; i < count && filled < n; i++) {
                if (predicted[i] != data.label(bases[i])) {
                    System.arraycopy(candidates, i * size, values, filled * size, size);
                    filled++;
                }
            }
        }
        return filled;
    }
}
