package io.modelprint.scheme;

import io.modelprint.model.Classifier;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Scored;
import io.modelprint.model.WhiteBox;
import java.util.Locale;

/**
 * What a scheme needs of a model, weakest first: top-1 labels (any prediction API), scores
 * (logits or probabilities per class), input gradients (a white-box model), the outputs of its hidden
 * layers, or its weights layer by layer (both: a model file whose layers modelprint can read, which
 * gives both).
 */
public enum Access {
    LABELS,
    SCORES,
    GRADIENTS,
    LAYERS,
    WEIGHTS;

    /** Which models give their weights, for messages that refuse one that does not. */
    public static final String WEIGHTS_FROM = "weights are read from modelprint model directories (lenet5, vgg, resnet20,"
            + " mlp); TorchScript and ONNX files, random forests and prediction APIs do not give theirs";

    /** Which models give their hidden layers' outputs, for messages that refuse one that does not. */
    public static final String LAYERS_FROM = "hidden layers' outputs are read from modelprint model directories (lenet5, vgg,"
            + " resnet20, mlp); TorchScript and ONNX files, random forests and prediction APIs do not give theirs";

    /** Which models give this access, for a message refusing one that does not; null for labels, scores and gradients. */
    public String whoGivesIt() {
        return this == WEIGHTS ? WEIGHTS_FROM : this == LAYERS ? LAYERS_FROM : null;
    }

    /** The strongest access {@code model} offers. */
    public static Access offeredBy(Classifier model) {
        if (model instanceof WhiteBox box && box.offersWeights()) {
            return WEIGHTS;
        }
        if (model instanceof Differentiable) {
            return GRADIENTS;
        }
        return model instanceof Scored ? SCORES : LABELS;
    }

    /** Whether only a model file whose layers modelprint reads gives it (the messages that refuse others say which). */
    public boolean needsReadableLayers() {
        return this == LAYERS || this == WEIGHTS;
    }

    /**
     * Whether a model's answers at this access are computed from the model itself, per fingerprint and
     * once (a gradient field, hidden layers' outputs), instead of asked as labels or scores that every
     * fingerprint's queries share and that a prediction API may randomize.
     */
    public boolean readsInternals() {
        return this == GRADIENTS || this == LAYERS;
    }

    /** Whether a scheme needing this access compares scores (and a fingerprint of it stores the target's). */
    public boolean comparesScores() {
        return this == SCORES || this == GRADIENTS;
    }

    /** True when a model offering this access can give what {@code needed} asks for. */
    public boolean covers(Access needed) {
        return ordinal() >= needed.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Access parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
