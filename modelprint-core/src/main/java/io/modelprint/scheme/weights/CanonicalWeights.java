package io.modelprint.scheme.weights;

import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Representation;

/** A model's weights with folding and, with {@code rescale}, positive rescaling undone ({@link CanonicalNetwork}). */
final class CanonicalWeights implements Representation<CanonicalNetwork> {
    private final boolean rescale;

    CanonicalWeights(boolean rescale) {
        this.rescale = rescale;
    }

    @Override
    public String name() {
        return "canonical-weights";
    }

    @Override
    public Access access() {
        return Access.WEIGHTS;
    }

    @Override
    public CanonicalNetwork represent(Answers answers) {
        if (answers.weights() == null) {
            throw new IllegalArgumentException("these answers hold no weights: weights compares model files");
        }
        return CanonicalNetwork.of(answers.weights(), rescale);
    }
}
