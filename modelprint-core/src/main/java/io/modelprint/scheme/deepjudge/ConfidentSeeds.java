package io.modelprint.scheme.deepjudge;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.model.Differentiable;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Queries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * DeepJudge's seed selection (its seed_selection.py, order "max"): images the target classifies
 * correctly, those with the largest Gini certainty Σ p_c² (softmax of the logits) first. DeepJudge
 * ranks its whole test split and keeps 1,000 of 10,000; here a pool of 10 x the seeds needed is drawn
 * in a seeded order (the whole split if the pool has too few correct ones), so seeds vary with the seed.
 */
final class ConfidentSeeds {
    private static final int POOL_FACTOR = 10;

    private ConfidentSeeds() {}

    /** Indices into {@code data} of {@code count} seeds, most certain first (deepjudge: each seed and its test case are queries). */
    static int[] select(Differentiable target, ImageDataset data, int count, Random random) {
        return select(target, data, count, random, "deepjudge", 2);
    }

    /** As above, for {@code scheme}, which asks {@code queriesPerSeed} queries of each seed (in the refusal's advice). */
    static int[] select(Differentiable target, ImageDataset data, int count, Random random, String scheme, int queriesPerSeed) {
        int[] order = data.shuffledIndices(random);
        int pool = (int) Math.min(order.length, (long) POOL_FACTOR * count);
        List<Integer> picked = mostCertain(target, data, order, pool, count);
        if (picked.size() < count && pool < order.length) {
            picked = mostCertain(target, data, order, order.length, count);
        }
        if (picked.size() < count) {
            throw new InputException(scheme + ": the target classifies only " + picked.size() + " of " + data.size()
                    + " images of " + data.name() + " correctly; its seeds need " + count + ": use --n "
                    + Math.max(queriesPerSeed, queriesPerSeed * picked.size()) + " or another --split");
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Integer> mostCertain(Differentiable target, ImageDataset data, int[] order, int pool, int count) {
        int size = data.spec().pixelsPerImage();
        float[] images = new float[pool * size];
        for (int i = 0; i < pool; i++) {
            data.copyImage(order[i], images, i * size);
        }
        Answers answers = Answers.ask(target, new Queries(data.spec(), images, pool), Access.SCORES);
        List<Integer> correct = new ArrayList<>();
        double[] gini = new double[pool];
        for (int i = 0; i < pool; i++) {
            if (answers.labels()[i] == data.label(order[i])) {
                correct.add(i);
                gini[i] = gini(answers.row(i));
            }
        }
        correct.sort(Comparator.comparingDouble((Integer i) -> -gini[i]).thenComparingInt(i -> i));
        return correct.stream().limit(count).map(i -> order[i]).toList();
    }

    /** Σ p_c² of the softmax of {@code logits}. */
    static double gini(float[] logits) {
        double[] p = Softmax.of(logits);
        double sum = 0;
        for (double value : p) {
            sum += value * value;
        }
        return sum;
    }
}
