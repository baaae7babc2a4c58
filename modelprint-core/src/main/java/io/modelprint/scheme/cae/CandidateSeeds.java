package io.modelprint.scheme.cae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Logits;
import io.modelprint.scheme.SeedSource;
import java.util.List;
import java.util.Random;

/**
 * Where the candidates start and which class each is pushed to. Seeds are data images drawn without
 * replacement while they last (or uniform noise), with their true labels (-1 for noise). Each
 * candidate's class t is the paper's choice, the class the conferrable ensemble scores highest at
 * the seed, mean over surrogates of p(t) x (1 - mean over references of p(t)), among the classes
 * that are neither the target's answer nor the seed's true label: so the seed is of another class
 * than t, and x' labelled t by the target is a mistake the target was made to make.
 */
record CandidateSeeds(float[] images, int[] trueLabels, long[] targetClasses, int count) {

    static CandidateSeeds draw(SeedSource seeds, int count, Random random) {
        InputSpec spec = seeds.spec();
        int size = spec.pixelsPerImage();
        int[] trueLabels = new int[count];
        float[] images;
        if (seeds.isData()) {
            ImageDataset data = seeds.dataset("cae");
            int[] order = data.shuffledIndices(random);
            images = new float[Math.multiplyExact(count, size)];
            for (int i = 0; i < count; i++) {
                int index = order[i % order.length];
                data.copyImage(index, images, i * size);
                trueLabels[i] = data.label(index);
            }
        } else {
            images = seeds.draw(count, random);
            java.util.Arrays.fill(trueLabels, -1);
        }
        return new CandidateSeeds(images, trueLabels, null, count);
    }

    /** These seeds with each one's class t chosen by the ensemble (forward passes only, in batches of {@code chunk}). */
    CandidateSeeds withTargetClasses(Differentiable target, FleetEnsemble ensemble, int chunk) {
        InputSpec spec = target.inputSpec();
        int size = spec.pixelsPerImage();
        int classes = target.numClasses();
        long[] chosen = new long[count];
        for (int start = 0; start < count; start += chunk) {
            int n = Math.min(chunk, count - start);
            float[] part = java.util.Arrays.copyOfRange(images, start * size, (start + n) * size);
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray x = manager.create(part, spec.batchShape(n));
                float[] own = target.predictLogits(x).toFloatArray();
                float[] surrogate = meanSoftmax(ensemble.surrogates(), x);
                float[] reference = meanSoftmax(ensemble.references(), x);
                for (int p = 0; p < n; p++) {
                    int answer = Logits.argmax(own, p, classes);
                    int best = mostConferrable(surrogate, reference, p, classes, answer, trueLabels[start + p]);
                    // with two classes and a seed the target gets wrong, only the true label is left
                    chosen[start + p] = best >= 0 ? best : mostConferrable(surrogate, reference, p, classes, answer, -1);
                }
            }
        }
        return new CandidateSeeds(images, trueLabels, chosen, count);
    }

    /** The class other than {@code excluded} and {@code alsoExcluded} the ensemble scores highest at point {@code p}; -1 if none. */
    private static int mostConferrable(float[] surrogate, float[] reference, int p, int classes, int excluded, int alsoExcluded) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double score = surrogate[p * classes + c] * (1.0 - reference[p * classes + c]);
            if (c != excluded && c != alsoExcluded && score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    private static float[] meanSoftmax(List<Differentiable> models, NDArray x) {
        NDArray sum = null;
        for (Differentiable model : models) {
            NDArray p = model.predictLogits(x).softmax(1);
            sum = sum == null ? p : sum.add(p);
        }
        return sum.div(models.size()).toFloatArray();
    }
}
