package io.modelprint.lab.attack;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.modelprint.data.ImageDataset;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.ProgressListener;
import java.util.Locale;
import java.util.Map;

/**
 * The paper's four fine-tuning suspects (§4.1): fine-tune the last layer (FTLL) or all layers
 * (FTAL), or re-initialize the last layer and then train it alone (RTLL) or with all layers (RTAL).
 * Last-layer variants train the head on features computed once in inference mode, so nothing but
 * the last layer can change (batch-norm statistics included).
 */
public final class FineTuning implements PostProcessing {
    public enum Variant {
        FTLL(true, false),
        FTAL(false, false),
        RTLL(true, true),
        RTAL(false, true);

        final boolean lastLayerOnly;
        final boolean reinitialize;

        Variant(boolean lastLayerOnly, boolean reinitialize) {
            this.lastLayerOnly = lastLayerOnly;
            this.reinitialize = reinitialize;
        }
    }

    private final Variant variant;

    public FineTuning(Variant variant) {
        this.variant = variant;
    }

    @Override
    public String kind() {
        return variant.name();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put("lastLayerOnly", variant.lastLayerOnly);
        parameters.put("reinitialize", variant.reinitialize);
        return parameters;
    }

    @Override
    public ModelTrainer.Result apply(Model model, ImageDataset train, TrainingConfig config, ProgressListener progress) {
        EngineSetup.seed(config.seed());
        Linear last = Layers.lastLayer(model);
        if (variant.lastLayerOnly) {
            return trainHead(model, last, train, config, progress);
        }
        if (variant.reinitialize) {
            reinitialize(model, last);
        }
        return ModelTrainer.fit(model, train, config, progress);
    }

    private void reinitialize(Model model, Linear last) {
        long inputs = last.getParameters().get(0).getValue().getArray().getShape().get(1);
        long units = last.getParameters().get(0).getValue().getArray().getShape().get(0);
        Linear fresh = Linear.builder().setUnits(units).build();
        fresh.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, inputs));
        Layers.copyParameters(fresh, last);
    }

    private ModelTrainer.Result trainHead(Model model, Linear last, ImageDataset train, TrainingConfig config,
            ProgressListener progress) {
        ImageDataset data = config.maxTrainImages() > 0 ? train.head(config.maxTrainImages()) : train;
        int[] dimension = new int[1];
        float[] features = Layers.penultimateFeatures(model, data, dimension);
        ImageDataset featureData = new ImageDataset(data.name() + "-features", InputSpec.unitRange(1, 1, dimension[0]),
                features, data.labels(), data.numClasses());
        long units = last.getParameters().get(0).getValue().getArray().getShape().get(0);
        Linear headLayer = Linear.builder().setUnits(units).build();
        SequentialBlock head = new SequentialBlock().add(Blocks.batchFlattenBlock()).add(headLayer);
        try (Model headModel = Model.newInstance("head-" + variant.name().toLowerCase(Locale.ROOT), "PyTorch")) {
            headModel.setBlock(head);
            head.initialize(headModel.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 1, dimension[0]));
            if (!variant.reinitialize) {
                Layers.copyParameters(last, headLayer);
            }
            TrainingConfig headConfig = new TrainingConfig(config.epochs(), config.batchSize(), config.learningRate(), config.seed(), 0);
            ModelTrainer.Result result = ModelTrainer.fit(headModel, featureData, headConfig, progress);
            Layers.copyParameters(headLayer, last);
            return result;
        }
    }
}
