package io.modelprint.scheme.deepjudge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.model.Classifier;
import io.modelprint.model.HiddenLayers;
import io.modelprint.model.weights.LayerSpec;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.LayerActivations;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.Queries;
import io.modelprint.scheme.Representation;
import java.util.List;

/**
 * DeepJudge's white-box representation: a model's probed hidden layer ({@link ProbedLayer}) on the
 * test cases, one value per unit and test case, with the model's layers (names and weight shapes, so
 * that a suspect of another architecture is refused before its units are compared). Only a model file
 * whose layers modelprint reads gives it.
 */
final class LayerOutputs implements Representation<LayerActivations> {
    private final ProbedLayer layer;

    LayerOutputs(ProbedLayer layer) {
        this.layer = layer;
    }

    @Override
    public String name() {
        return "deepjudge-layer-outputs";
    }

    @Override
    public Access access() {
        return Access.LAYERS;
    }

    @Override
    public Answers ask(Classifier model, Queries queries) {
        HiddenLayers layers = ProbedLayer.require(model);
        List<LayerSpec> network = layers.weights().specs();
        String name = layer.name(network, model.description());
        int size = queries.spec().pixelsPerImage();
        float[] values = null;
        int units = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < queries.count(); start += Labels.BATCH) {
                int n = Math.min(Labels.BATCH, queries.count() - start);
                float[] chunk = new float[n * size];
                System.arraycopy(queries.values(), start * size, chunk, 0, chunk.length);
                try (NDManager scope = manager.newSubManager()) {
                    NDArray batch = scope.create(chunk, queries.spec().batchShape(n));
                    NDArray means = ProbedLayer.unitMeans(layers.layerOutput(batch, name), model.description());
                    units = (int) means.getShape().get(1);
                    values = values == null ? new float[queries.count() * units] : values;
                    System.arraycopy(means.toFloatArray(), 0, values, start * units, n * units);
                }
            }
        }
        if (values == null) {
            throw new InputException(model.description() + ": " + ProbedLayer.SCHEME + " has no test cases to ask");
        }
        Answers labels = Answers.ask(model, queries, Access.LABELS);
        return labels.withActivations(new LayerActivations(queries.count(), units, values, network));
    }

    @Override
    public LayerActivations represent(Answers answers) {
        if (answers.activations() == null) {
            throw new IllegalArgumentException("the answers hold no layer activations: " + ProbedLayer.SCHEME + " compares model files");
        }
        return answers.activations();
    }
}
