package io.modelprint.scheme.deepjudge;

import ai.djl.ndarray.NDArray;
import io.modelprint.InputException;
import io.modelprint.model.Classifier;
import io.modelprint.model.HiddenLayers;
import io.modelprint.model.weights.LayerSpec;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Schemes;
import java.util.List;

/**
 * The hidden layer DeepJudge's white-box metrics look at: the {@code fromLogits}-th layer with weights
 * counted back from the logits layer (1: the last hidden layer, which the logits read), by the names the
 * model's weights give its layers; and its output per unit, a channel's mean over its positions
 * (DeepJudge's {@code K.mean} over all axes but the channels).
 */
record ProbedLayer(int fromLogits) {
    static final String SCHEME = "deepjudge-wb";

    /** {@code model} as a model whose hidden layers can be read; refused naming what it offers and the schemes that work. */
    static HiddenLayers require(Classifier model) {
        if (model instanceof HiddenLayers layers && layers.offersWeights()) {
            return layers;
        }
        Access offered = Access.offeredBy(model);
        throw new InputException(model.description() + ": offers " + offered.label() + " only, but " + SCHEME + " compares the"
                + " outputs of its hidden layers (" + Access.LAYERS_FROM + "); schemes that work with " + offered.label() + ": "
                + String.join(", ", Schemes.usableWith(offered)));
    }

    /** The name of the probed layer among {@code layers} (the model's, forward order); refused when it has too few. */
    String name(List<LayerSpec> layers, String model) {
        int index = layers.size() - 1 - fromLogits;
        if (index < 0) {
            throw new InputException(model + ": has " + layers.size() + " layers with weights, so " + SCHEME + "'s layer "
                    + fromLogits + " (counted back from the logits layer) does not exist: use --param layer=1 to "
                    + (layers.size() - 1));
        }
        return layers.get(index).name();
    }

    /** Per-unit outputs [N, units] of {@code output} ([N, C, H, W] or [N, units]: then {@code output} itself). */
    static NDArray unitMeans(NDArray output, String model) {
        int rank = output.getShape().dimension();
        if (rank == 2) {
            return output;
        }
        if (rank == 4) {
            ai.djl.ndarray.types.Shape shape = output.getShape();
            return output.reshape(shape.get(0), shape.get(1), shape.get(2) * shape.get(3)).mean(new int[] {2});
        }
        throw new InputException(model + ": its hidden layer has output shape " + output.getShape()
                + "; expected [N, units] or [N, channels, H, W]");
    }
}
