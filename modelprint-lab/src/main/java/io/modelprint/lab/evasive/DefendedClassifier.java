package io.modelprint.lab.evasive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;
import io.modelprint.model.Logits;
import io.modelprint.model.Scored;
import java.util.SplittableRandom;

/**
 * A model behind an evasive prediction API ({@link Defense}): what a thief serving a copy could do to
 * blur what a fingerprint sees. Labels only (a label-only base, or {@code top1}); see
 * {@link DefendedScored} for the one that also gives scores.
 */
public class DefendedClassifier implements Classifier {
    final Classifier base;
    final Defense defense;
    private final SplittableRandom random;

    DefendedClassifier(Classifier base, Defense defense) {
        this.base = base;
        this.defense = defense;
        this.random = new SplittableRandom(defense.seed());
    }

    /** {@code base} behind {@code defense}: itself when nothing is on; scores kept unless the base has none or top1. */
    public static Classifier wrap(Classifier base, Defense defense) {
        if (!defense.active()) {
            return base;
        }
        return base instanceof Scored scored && !defense.top1() ? new DefendedScored(scored, defense) : new DefendedClassifier(base, defense);
    }

    public Defense defense() {
        return defense;
    }

    @Override
    public long[] predictLabels(float[] images, int count) {
        return answer(images, count, false).labels();
    }

    /** Labels and (when {@code withScores} and the base has them) scores, after every defense. */
    Answer answer(float[] images, int count, boolean withScores) {
        int classes = base.numClasses();
        boolean scored = withScores && base instanceof Scored;
        int copies = Math.max(1, defense.smoothing());
        int[] votes = new int[count * classes];
        float[] sum = scored ? new float[count * classes] : null;
        for (int copy = 0; copy < copies; copy++) {
            float[] input = defense.inputNoise() > 0 ? noisy(images) : images;
            if (scored) {
                float[] logits = logits((Scored) base, input, count);
                for (int i = 0; i < count; i++) {
                    for (int c = 0; c < classes; c++) {
                        sum[i * classes + c] += logits[i * classes + c];
                    }
                    votes[i * classes + Logits.argmax(logits, i, classes)]++;
                }
            } else {
                long[] labels = base.predictLabels(input, count);
                for (int i = 0; i < count; i++) {
                    votes[i * classes + (int) labels[i]]++;
                }
            }
        }
        long[] labels = new long[count];
        for (int i = 0; i < count; i++) {
            int top = 0;
            for (int c = 1; c < classes; c++) {
                if (votes[i * classes + c] > votes[i * classes + top]) {
                    top = c;
                }
            }
            labels[i] = top;
        }
        float[] scores = null;
        if (scored) {
            scores = sum;
            for (int j = 0; j < scores.length; j++) {
                scores[j] = round(scores[j] / copies);
            }
        }
        flip(labels, scores, classes);
        return new Answer(labels, scores);
    }

    record Answer(long[] labels, float[] scores) {}

    private float round(float value) {
        if (defense.round() == null) {
            return value;
        }
        double scale = Math.pow(10, defense.round());
        return (float) (Math.round(value * scale) / scale);
    }

    private void flip(long[] labels, float[] scores, int classes) {
        if (defense.flip() <= 0 || classes < 2) {
            return;
        }
        for (int i = 0; i < labels.length; i++) {
            int other;
            synchronized (random) {
                if (random.nextDouble() >= defense.flip()) {
                    continue;
                }
                other = random.nextInt(classes - 1);
            }
            int old = (int) labels[i];
            int flipped = other >= old ? other + 1 : other;
            labels[i] = flipped;
            if (scores != null) {
                float kept = scores[i * classes + old];
                scores[i * classes + old] = scores[i * classes + flipped];
                scores[i * classes + flipped] = kept;
            }
        }
    }

    private float[] noisy(float[] images) {
        InputSpec spec = base.inputSpec();
        float[] out = new float[images.length];
        double sigma = defense.inputNoise();
        synchronized (random) {
            for (int j = 0; j < images.length; j++) {
                float v = (float) (images[j] + sigma * random.nextGaussian());
                out[j] = Math.min(spec.max(), Math.max(spec.min(), v));
            }
        }
        return out;
    }

    private static float[] logits(Scored model, float[] images, int count) {
        try (NDManager manager = NDManager.newBaseManager(); NDArray batch = manager.create(images, model.inputSpec().batchShape(count));
                NDArray out = model.predictLogits(batch)) {
            return out.toFloatArray();
        }
    }

    @Override
    public InputSpec inputSpec() {
        return base.inputSpec();
    }

    @Override
    public int numClasses() {
        return base.numClasses();
    }

    @Override
    public String description() {
        return base.description() + " behind " + defense;
    }

    @Override
    public void close() {
        base.close();
    }
}
