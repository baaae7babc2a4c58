package io.modelprint.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.model.HiddenLayers;
import io.modelprint.model.WeightPerturbable;
import io.modelprint.model.weights.NetworkWeights;

/**
 * A DJL model (our own architectures or a TorchScript module) as a white-box classifier; the layers of
 * our own architectures can be read for weight-space schemes, a TorchScript module's cannot.
 */
public final class DjlClassifier implements HiddenLayers, WeightPerturbable {
    private final Model model;
    private final Block block;
    private final ParameterStore parameters;
    private final InputSpec spec;
    private final int numClasses;
    private final String sha256;
    private final String description;
    private final boolean readableLayers;

    DjlClassifier(Model model, InputSpec spec, int numClasses, String sha256, String description, boolean readableLayers) {
        this.model = model;
        this.block = model.getBlock();
        this.parameters = new ParameterStore(model.getNDManager(), false);
        this.spec = spec;
        this.numClasses = numClasses;
        this.sha256 = sha256;
        this.description = description;
        this.readableLayers = readableLayers;
    }

    public Model model() {
        return model;
    }

    @Override
    public InputSpec inputSpec() {
        return spec;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean offersWeights() {
        return readableLayers;
    }

    @Override
    public NetworkWeights weights() {
        if (!readableLayers) {
            throw new InputException(description + ": a TorchScript module's layer graph cannot be read, so it cannot be"
                    + " compared by weights (" + io.modelprint.scheme.Access.WEIGHTS_FROM + ")");
        }
        return BlockWeights.read(block, description);
    }

    @Override
    public NDArray layerOutput(NDArray batch, String layer) {
        if (!readableLayers) {
            throw new InputException(description + ": a TorchScript module's layer graph cannot be read, so its hidden layers'"
                    + " outputs cannot be compared (" + io.modelprint.scheme.Access.LAYERS_FROM + ")");
        }
        return BlockLayers.output(block, parameters, batch, layer, description);
    }

    /** Our own architectures' blocks take their parameters from the store; a TorchScript module keeps its own. */
    @Override
    public boolean offersPerturbation() {
        return readableLayers;
    }

    @Override
    public NDArray perturbedLogits(NDArray batch, float scale, long seed) {
        if (!readableLayers) {
            throw new InputException(description + ": a TorchScript module's parameters cannot be perturbed");
        }
        // the noise is made in the batch's manager: it lives as long as the logits that depend on it
        return checkShape(block.forward(new PerturbedParameters(batch.getManager(), scale, seed), new NDList(batch), false),
                batch.getShape().get(0));
    }

    @Override
    public NDArray logits(NDArray batch) {
        return checkShape(TorchScriptModules.forward(block, parameters, batch), batch.getShape().get(0));
    }

    @Override
    public NDArray predictLogits(NDArray batch) {
        NDArray logits = checkShape(TorchScriptModules.predict(block, parameters, batch), batch.getShape().get(0));
        for (float value : logits.toFloatArray()) {
            if (!Float.isFinite(value)) {
                logits.close();
                throw new InputException(description + ": model answered NaN or infinite logits");
            }
        }
        return logits;
    }

    private NDArray checkShape(NDList out, long n) {
        if (out.size() != 1 || out.head().getShape().dimension() != 2 || out.head().getShape().get(0) != n
                || out.head().getShape().get(1) != numClasses) {
            throw new InputException(description + ": expected one output of logits [" + n + "," + numClasses
                    + "], got " + OutputShapes.describe(out.getShapes()));
        }
        return out.head();
    }

    @Override
    public void close() {
        model.close();
    }
}
