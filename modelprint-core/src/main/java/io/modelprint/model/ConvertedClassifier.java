package io.modelprint.model;

import ai.djl.ndarray.NDArray;
import io.modelprint.data.InputSpec;
import io.modelprint.data.SpecConversion;

/** A suspect that takes another input spec than the fingerprint's, seen through an exact {@link SpecConversion}. */
public class ConvertedClassifier implements Classifier {
    private final Classifier suspect;
    final SpecConversion conversion;

    public ConvertedClassifier(Classifier suspect, SpecConversion conversion) {
        this.suspect = suspect;
        this.conversion = conversion;
    }

    /** {@code suspect} as a classifier of {@code spec} inputs; itself when the specs already agree. */
    public static Classifier of(Classifier suspect, InputSpec spec, boolean allowResize) {
        SpecConversion conversion = SpecConversion.between(spec, suspect.inputSpec(), allowResize);
        if (conversion.isIdentity()) {
            return suspect;
        }
        return suspect instanceof Scored scored ? new ConvertedScored(scored, conversion) : new ConvertedClassifier(suspect, conversion);
    }

    public Classifier suspect() {
        return suspect;
    }

    @Override
    public InputSpec inputSpec() {
        return conversion.from();
    }

    @Override
    public int numClasses() {
        return suspect.numClasses();
    }

    @Override
    public long[] predictLabels(float[] images, int count) {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            NDArray batch = manager.create(images, conversion.from().batchShape(count));
            try (NDArray converted = conversion.apply(batch)) {
                return suspect.predictLabels(converted.toFloatArray(), count);
            }
        }
    }

    @Override
    public String description() {
        return suspect.description();
    }

    @Override
    public void close() {
        suspect.close();
    }
}
