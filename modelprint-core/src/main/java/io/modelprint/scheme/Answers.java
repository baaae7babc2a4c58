package io.modelprint.scheme;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.model.Classifier;
import io.modelprint.model.Logits;
import io.modelprint.model.Scored;
import io.modelprint.model.WhiteBox;
import io.modelprint.model.weights.NetworkWeights;

/**
 * What a model answered on a fingerprint's queries: top-1 labels, and for score access its scores
 * (row-major [count, classes]; null with label access); with weight access, its weights (null otherwise);
 * with gradient access, its gradient field on the queries (null otherwise); with layer access, a hidden
 * layer's outputs on the queries (null otherwise).
 */
public record Answers(long[] labels, float[] scores, int classes, NetworkWeights weights, GradientField field,
        LayerActivations activations) {
    public Answers {
        if (scores != null && scores.length != (long) labels.length * classes) {
            throw new IllegalArgumentException(labels.length + " answers of " + classes + " classes need "
                    + (long) labels.length * classes + " scores, got " + scores.length);
        }
        if (field != null && field.samples() != labels.length) {
            throw new IllegalArgumentException(labels.length + " answers but a gradient field of " + field.samples() + " samples");
        }
        if (activations != null && activations.tests() != labels.length) {
            throw new IllegalArgumentException(labels.length + " answers but layer activations of " + activations.tests() + " tests");
        }
    }

    /** Answers to queries, with the model's weights (or null), its gradient field (or null) and no layer activations. */
    public Answers(long[] labels, float[] scores, int classes, NetworkWeights weights, GradientField field) {
        this(labels, scores, classes, weights, field, null);
    }

    /** Answers to queries, with the model's weights (or null) and no gradient field. */
    public Answers(long[] labels, float[] scores, int classes, NetworkWeights weights) {
        this(labels, scores, classes, weights, null);
    }

    /** Answers to queries: labels, and scores or null. */
    public Answers(long[] labels, float[] scores, int classes) {
        this(labels, scores, classes, null);
    }

    public static Answers labelsOnly(long[] labels, int classes) {
        return new Answers(labels, null, classes);
    }

    /** These answers with the model's weights. */
    public Answers withWeights(NetworkWeights network) {
        return new Answers(labels, scores, classes, network, field, activations);
    }

    /** These answers with the model's gradient field on the queries. */
    public Answers withField(GradientField gradientField) {
        return new Answers(labels, scores, classes, weights, gradientField, activations);
    }

    /** These answers with a hidden layer's outputs on the queries. */
    public Answers withActivations(LayerActivations layer) {
        return new Answers(labels, scores, classes, weights, field, layer);
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
        return new Answers(picked, pickedScores, classes, weights, field == null ? null : field.select(rows),
                activations == null ? null : activations.select(rows));
    }

    /** The labels alone, as a label-access suspect would have given them (with the weights, if any). */
    public Answers withoutScores() {
        return new Answers(labels, null, classes, weights, field, activations);
    }

    /**
     * SHA-256 of the answers: labels as little-endian int64, then scores (if any) as little-endian float32,
     * then (if any) the gradient field and then (if any) the layer activations as little-endian float32, then (if
     * any) the weights' own hash
     * ({@link NetworkWeights#sha256()}) as text.
     */
    public String sha256() {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(labels.length * 8 + (scores == null ? 0 : scores.length * 4)
                        + (field == null ? 0 : field.values().length * 4) + (activations == null ? 0 : activations.values().length * 4))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long label : labels) {
            buffer.putLong(label);
        }
        if (scores != null) {
            for (float score : scores) {
                buffer.putFloat(score);
            }
        }
        if (field != null) {
            for (float v : field.values()) {
                buffer.putFloat(v);
            }
        }
        if (activations != null) {
            for (float v : activations.values()) {
                buffer.putFloat(v);
            }
        }
        if (weights != null) {
            return io.modelprint.io.Sha256.hex(buffer.array(), weights.sha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return io.modelprint.io.Sha256.hex(buffer.array());
    }

    /** Asks {@code model} the queries with the access a representation needs (labels or scores). */
    public static Answers ask(Classifier model, Queries queries, Access needed) {
        if (needed == Access.WEIGHTS) {
            if (!(model instanceof WhiteBox box) || !box.offersWeights()) {
                throw new InputException(model.description() + ": does not give its weights, which this scheme compares ("
                        + Access.WEIGHTS_FROM + ")");
            }
            return ask(model, queries, Access.LABELS).withWeights(box.weights());
        }
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
