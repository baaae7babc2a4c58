package io.modelprint.scheme;

import io.modelprint.model.Classifier;

/** Representation by top-1 labels, predicted in batches. */
public final class Labels implements Representation<long[]> {
    public static final int BATCH = 256;

    @Override
    public String name() {
        return "labels";
    }

    @Override
    public Access access() {
        return Access.LABELS;
    }

    @Override
    public long[] represent(Answers answers) {
        return answers.labels();
    }

    /** Labels of {@code count} flattened images of the model's input spec. */
    public static long[] predict(Classifier model, float[] values, int count) {
        int size = model.inputSpec().pixelsPerImage();
        long[] labels = new long[count];
        for (int start = 0; start < count; start += BATCH) {
            int n = Math.min(BATCH, count - start);
            float[] chunk = new float[n * size];
            System.arraycopy(values, start * size, chunk, 0, chunk.length);
            long[] answer = model.predictLabels(chunk, n);
            if (answer.length != n) {
                throw new IllegalStateException(model.description() + " answered " + answer.length + " labels for " + n
                        + " inputs");
            }
            System.arraycopy(answer, 0, labels, start, n);
        }
        return labels;
    }
}
