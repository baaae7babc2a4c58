package io.modelprint.scheme;

import io.modelprint.model.Classifier;
import io.modelprint.model.Differentiable;
import io.modelprint.model.Scored;
import java.util.Locale;

/**
 * What a scheme needs of a model, weakest first: top-1 labels (any prediction API), scores
 * (logits or probabilities per class), or input gradients (a white-box model).
 */
public enum Access {
    LABELS,
    SCORES,
    GRADIENTS;

    /** The strongest access {@code model} offers. */
    public static Access offeredBy(Classifier model) {
        if (model instanceof Differentiable) {
            return GRADIENTS;
        }
        return model instanceof Scored ? SCORES : LABELS;
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
