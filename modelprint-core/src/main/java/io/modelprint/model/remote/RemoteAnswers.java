package io.modelprint.model.remote;

import io.modelprint.model.Logits;
import java.util.Arrays;

/**
 * A remote model's answers to a run of images, in order: one label each, or (scores asked for) one
 * row of {@code numClasses} scores each, flattened.
 */
final class RemoteAnswers {
    private final AnswerCache.Kind kind;
    private final int numClasses;
    private final long[] labels;
    private final float[] scores;

    private RemoteAnswers(AnswerCache.Kind kind, int numClasses, long[] labels, float[] scores) {
        this.kind = kind;
        this.numClasses = numClasses;
        this.labels = labels;
        this.scores = scores;
    }

    /** Room for {@code count} answers of {@code kind}, filled in as they come. */
    static RemoteAnswers of(AnswerCache.Kind kind, int count, int numClasses) {
        return kind == AnswerCache.Kind.SCORES ? ofScores(new float[count * numClasses], numClasses)
                : ofLabels(new long[count], numClasses);
    }

    static RemoteAnswers ofLabels(long[] labels, int numClasses) {
        return new RemoteAnswers(AnswerCache.Kind.LABELS, numClasses, labels, null);
    }

    static RemoteAnswers ofScores(float[] rows, int numClasses) {
        return new RemoteAnswers(AnswerCache.Kind.SCORES, numClasses, null, rows);
    }

    /** The labels; for scores, each row's top-1 (the first of equal maxima). */
    long[] labels() {
        if (kind == AnswerCache.Kind.LABELS) {
            return labels;
        }
        long[] top = new long[scores.length / numClasses];
        for (int i = 0; i < top.length; i++) {
            top[i] = Logits.argmax(scores, i, numClasses);
        }
        return top;
    }

    /** The score rows, [count, numClasses] flattened; only when scores were asked for. */
    float[] scores() {
        if (scores == null) {
            throw new IllegalStateException("these answers are labels, not scores");
        }
        return scores;
    }

    /** Puts answer {@code from} of this run as answer {@code to} of {@code into}. */
    void copy(int from, RemoteAnswers into, int to) {
        if (kind == AnswerCache.Kind.LABELS) {
            into.labels[to] = labels[from];
        } else {
            System.arraycopy(scores, from * numClasses, into.scores, to * numClasses, numClasses);
        }
    }

    /** Takes answer {@code i} from {@code cache} under {@code key}; false when the cache has none. */
    boolean fromCache(AnswerCache cache, String key, int i) {
        Object cached = cache.get(key);
        if (cached == null) {
            return false;
        }
        if (kind == AnswerCache.Kind.LABELS) {
            labels[i] = (Long) cached;
        } else {
            System.arraycopy((float[]) cached, 0, scores, i * numClasses, numClasses);
        }
        return true;
    }

    void toCache(AnswerCache cache, String key, int i) {
        if (kind == AnswerCache.Kind.LABELS) {
            cache.put(key, labels[i]);
        } else {
            cache.put(key, Arrays.copyOfRange(scores, i * numClasses, (i + 1) * numClasses));
        }
    }
}
