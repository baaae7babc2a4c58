package io.modelprint.scheme;

import io.modelprint.model.Classifier;

/**
 * A suspect's answers when every query is asked {@code repeats} times: per query the most frequent
 * label (the smallest of tied labels) and the mean scores, and how many queries got differing
 * answers. A deterministic model answers every repeat alike; a prediction API that adds noise or
 * flips labels does not, which is evidence that it randomizes. The repeats go out as one batch.
 */
public record RepeatedAnswers(Answers answers, int repeats, int inconsistentQueries) {
    public static final int MAX_REPEATS = 101;

    /**
     * What {@code representation} reads, asked {@code repeats} times; a gradient field or hidden layers once,
     * since only a model file gives them and it answers alike every time.
     */
    public static RepeatedAnswers ask(Classifier suspect, Queries queries, Representation<?> representation, int repeats) {
        requireRepeats(repeats);
        if (repeats == 1 || representation.access().readsInternals()) {
            return new RepeatedAnswers(representation.ask(suspect, queries), 1, 0);
        }
        return ask(suspect, queries, representation.access(), repeats);
    }

    public static RepeatedAnswers ask(Classifier suspect, Queries queries, Access access, int repeats) {
        requireRepeats(repeats);
        if (repeats == 1) {
            return new RepeatedAnswers(Answers.ask(suspect, queries, access), 1, 0);
        }
        int n = queries.count();
        int size = queries.spec().pixelsPerImage();
        float[] values = new float[Math.multiplyExact(repeats, queries.values().length)];
        for (int r = 0; r < repeats; r++) {
            System.arraycopy(queries.values(), 0, values, r * n * size, n * size);
        }
        Answers all = Answers.ask(suspect, new Queries(queries.spec(), values, repeats * n), access);
        int classes = all.classes();
        long[] labels = new long[n];
        float[] scores = all.hasScores() ? new float[n * classes] : null;
        int inconsistent = 0;
        for (int i = 0; i < n; i++) {
            java.util.Map<Long, Integer> counts = new java.util.TreeMap<>();
            boolean differ = false;
            for (int r = 0; r < repeats; r++) {
                int row = r * n + i;
                long label = all.labels()[row];
                counts.merge(label, 1, Integer::sum);
                differ |= label != all.labels()[i];
                if (scores != null) {
                    for (int c = 0; c < classes; c++) {
                        float v = all.scores()[row * classes + c];
                        scores[i * classes + c] += v / repeats;
                        differ |= v != all.scores()[i * classes + c];
                    }
                }
            }
            labels[i] = mostFrequent(counts);
            inconsistent += differ ? 1 : 0;
        }
        return new RepeatedAnswers(new Answers(labels, scores, classes, all.weights()), repeats, inconsistent);
    }

    private static void requireRepeats(int repeats) {
        if (repeats < 1 || repeats > MAX_REPEATS) {
            throw new IllegalArgumentException("repeats must be in [1, " + MAX_REPEATS + "], got " + repeats);
        }
    }

    private static long mostFrequent(java.util.Map<Long, Integer> counts) {
        long best = -1;
        int bestCount = 0;
        for (var entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    /** Queries sent to the suspect: every repeat counts. */
    public int queriesAsked() {
        return answers.count() * repeats;
    }
}
