package io.modelprint.scheme;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.model.Classifier;
import io.modelprint.model.Logits;
import io.modelprint.model.Scored;

/**
 * What a model answered on a fingerprint's queries: top-1 labels, and for score access its scores
 * (row-major [count, classes]; null with label access).
 */
public record Answers(long[] labels, float[] scores, int classes) {
    public Answers {
        if (scores != null && scores.length != (long) labels.length * classes) {
            throw new IllegalArgumentException(labels.length + " answers of " + classes + " classes need "
                    + (long) labels.length * classes + " scores, got " + scores.length);
        }
    }

    public static Answers labelsOnly(long[] labels, int classes) {
        return new Answers(labels, null, classes);
    }

    public int count() {
        return labels.length;
    }

    public boolean hasScores() {
        return scores != null;
    }

    /** Scores of answer {@code i} (a copy). */
    public float[] row(int i) {
        float[] row = new float[classes];
        System.arraycopy(scores, i * classes, row, 0, classes);
        return row;
    }

    /** The answers at {@code rows}, in that order (scores kept when present). */
    public Answers select(int[] rows) {
        long[] picked = new long[rows.length];
        float[] pickedScores = scores == null ? null : new float[rows.length * classes];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = labels[rows[i]];
            if (pickedScores != null) {
                System.arraycopy(scores, rows[i] * classes, pickedScores, i * classes, classes);
            }
        }
        return new Answers(picked, pickedScores, classes);
    }

    /** The labels alone, as a label-access suspect would have given them. */
    public Answers withoutScores() {
        return labelsOnly(labels, classes);
    }

    /** SHA-256 of the answers: labels as little-endian int64, then scores (if any) as little-endian float32. */
    public String sha256() {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(labels.length * 8 + (scores == null ? 0 : scores.length * 4))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long label : labels) {
            buffer.putLong(label);
        }
        if (scores != null) {
            for (float score : scores) {
                buffer.putFloat(score);
            }
        }
        return io.modelprint.io.Sha256.hex(buffer.array());
    }

    /** Asks {@code model} the queries with the access a representation needs (labels or scores). */
    public static Answers ask(Classifier model, Queries queries, Access needed) {
        if (needed == Access.LABELS) {
            return labelsOnly(Labels.predict(model, queries.values(), queries.count()), model.numClasses());
        }
        if (!(model instanceof Scored scored)) {
            throw new InputException(model.description() + ": answers labels only, but this needs its scores");
        }
        return scores(scored, queries.values(), queries.count());
    }

    private static Answers scores(Scored model, float[] values, int count) {
        int size = model.inputSpec().pixelsPerImage();
        int classes = model.numClasses();
        long[] labels = new long[count];
        float[] scores = new float[count * classes];
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < count; start += Labels.BATCH) {
                int n = Math.min(Labels.BATCH, count - start);
                float[] chunk = new float[n * size];
                System.arraycopy(values, start * size, chunk, 0, chunk.length);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray batch = scope.create(chunk, model.inputSpec().batchShape(n));
                    float[] answer = model.predictLogits(batch).toFloatArray();
                    if (answer.length != n * classes) {
                        throw new InputException(model.description() + ": answered " + answer.length + " scores for "
                                + n + " inputs of " + classes + " classes");
                    }
                    System.arraycopy(answer, 0, scores, start * classes, answer.length);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < classes; c++) {
                float v = scores[i * classes + c];
                if (!Float.isFinite(v)) {
                    throw new InputException(model.description() + ": answered a non-finite score (" + v + ") for query " + i);
                }
            }
            labels[i] = Logits.argmax(scores, i, classes);
        }
        return new Answers(labels, scores, classes);
    }
}
