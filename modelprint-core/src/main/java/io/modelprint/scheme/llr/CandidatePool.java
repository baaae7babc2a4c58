package io.modelprint.scheme.llr;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.ImagePatches;
import io.modelprint.data.InputSpec;
import io.modelprint.gradient.ActiveBatchLoop;
import io.modelprint.gradient.LinfPgd;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes the fleet-llr candidates from labelled seed images taken in a seeded order (AKH's order, so
 * the mistakes come first as AKH would take them): up to a third of the pool are images the target
 * gets wrong; with ε > 0, up to a third are images it gets right that a PGD step of ε on the target
 * pushes off their label (untargeted PGD on the target, {@value #PGD_STEPS} steps from the image itself, so deterministic); CutMix mixtures of two seed images fill the rest.
 */
final class CandidatePool {
    private static final int CHUNK = 1024;
    private static final int PGD_BATCH = 256;
    static final int PGD_STEPS = 10;
    static final float CUTMIX_BOX = 0.4f;
    private final int size;
    private final float epsilon;

    /** @param epsilon the PGD radius; 0 makes no PGD candidates (and needs no gradients) */
    CandidatePool(int size, float epsilon) {
        this.size = size;
        this.epsilon = epsilon;
    }

    Candidates make(Differentiable target, ImageDataset data, long seed, ProgressListener progress) {
        InputSpec spec = data.spec();
        int pixels = spec.pixelsPerImage();
        int[] order = data.shuffledIndices(new Random(seed));
        int wantWrong = size / 3;
        int wantRight = epsilon > 0 ? size / 3 : 0;
        List<Integer> wrong = new ArrayList<>();
        List<Long> wrongLabels = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        float[] chunk = new float[CHUNK * pixels];
        for (int from = 0; from < order.length && (wrong.size() < wantWrong || right.size() < wantRight); from += CHUNK) {
            int count = Math.min(CHUNK, order.length - from);
            for (int i = 0; i < count; i++) {
                data.copyImage(order[from + i], chunk, i * pixels);
            }
            long[] predicted = Labels.predict(target, Arrays.copyOf(chunk, count * pixels), count);
            for (int i = 0; i < count; i++) {
                boolean mistake = predicted[i] != data.label(order[from + i]);
                if (mistake && wrong.size() < wantWrong) {
                    wrong.add(order[from + i]);
                    wrongLabels.add(predicted[i]);
                } else if (!mistake && right.size() < wantRight) {
                    right.add(order[from + i]);
                }
            }
        }
        progress.update(1, 3, "candidates: target's mistakes");
        float[] values = new float[size * pixels];
        CandidateSource[] sources = new CandidateSource[size];
        long[] labels = new long[size];
        int filled = 0;
        for (int i = 0; i < wrong.size(); i++, filled++) {
            data.copyImage(wrong.get(i), values, filled * pixels);
            sources[filled] = CandidateSource.MISTAKE;
            labels[filled] = wrongLabels.get(i);
        }
        filled = addPushed(target, data, right, values, sources, labels, filled);
        progress.update(2, 3, "candidates: pushed off their label by PGD");
        filled = addCutMix(target, data, order, values, sources, labels, filled, new Random(seed + 1));
        progress.update(3, 3, "candidates: CutMix mixtures");
        return new Candidates(spec, values, filled, sources, labels);
    }

    private int addPushed(Differentiable target, ImageDataset data, List<Integer> right, float[] values,
            CandidateSource[] sources, long[] labels, int filled) {
        int pixels = data.spec().pixelsPerImage();
        LinfPgd pgd = epsilon > 0 ? new LinfPgd(epsilon, PGD_STEPS) : null;
        for (int from = 0; from < right.size(); from += PGD_BATCH) {
            int count = Math.min(PGD_BATCH, right.size() - from);
            float[] images = new float[count * pixels];
            long[] truth = new long[count];
            for (int i = 0; i < count; i++) {
                data.copyImage(right.get(from + i), images, i * pixels);
                truth[i] = data.label(right.get(from + i));
            }
            float[] pushed = pgd.away(target, images, images, truth, ActiveBatchLoop.Progress.NONE);
            long[] predicted = Labels.predict(target, pushed, count);
            for (int i = 0; i < count; i++) {
                if (predicted[i] != truth[i]) {
                    System.arraycopy(pushed, i * pixels, values, filled * pixels, pixels);
                    sources[filled] = CandidateSource.PGD;
                    labels[filled++] = predicted[i];
                }
            }
        }
        return filled;
    }

    private int addCutMix(Differentiable target, ImageDataset data, int[] order, float[] values, CandidateSource[] sources,
            long[] labels, int filled, Random random) {
        InputSpec spec = data.spec();
        int pixels = spec.pixelsPerImage();
        int start = filled;
        float[] partner = new float[pixels];
        for (int at = start; at < size; at++) {
            data.copyImage(order[random.nextInt(order.length)], values, at * pixels);
            data.copyImage(order[random.nextInt(order.length)], partner, 0);
            ImagePatches.pasteBox(spec, partner, 0, values, at * pixels, ImagePatches.centralBox(spec, CUTMIX_BOX, random));
            sources[at] = CandidateSource.CUTMIX;
        }
        int count = size - start;
        if (count > 0) {
            long[] predicted = Labels.predict(target, Arrays.copyOfRange(values, start * pixels, size * pixels), count);
            System.arraycopy(predicted, 0, labels, start, count);
        }
        return size;
    }
}
