package io.modelprint.lab.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fine-pruning (Liu et al., 2018): the channels of the last convolution that are least active on
 * the attacker's data (mean activation after its batch norm and activation) are removed, a fraction
 * of them, and the model is fine-tuned with them held at zero. Sequential convolutional networks
 * only (the small VGG, LeNet-5).
 */
public final class FinePruning implements PostProcessing {
    private static final int BATCH = 512;
    private final double fraction;
    private final int probeImages;

    public FinePruning(double fraction, int probeImages) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fine-pruning fraction must be in (0,1), got " + fraction);
        }
        if (probeImages <= 0) {
            throw new IllegalArgumentException("fine-pruning needs > 0 images to measure activations, got " + probeImages);
        }
        this.fraction = fraction;
        this.probeImages = probeImages;
    }

    @Override
    public String kind() {
        return "FINE-PRUNE";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>(); // in this order in the manifest, whatever the JVM
        parameters.put("fraction", fraction);
        parameters.put("probeImages", probeImages);
        return parameters;
    }

    /** Whether {@code model} has a last convolution to fine-prune. */
    public static boolean applies(Model model) {
        return model.getBlock() instanceof ai.djl.nn.SequentialBlock && lastConv(Layers.sequential(model).getChildren().values()) >= 0;
    }

    @Override
    public ModelTrainer.Result apply(Model model, ImageDataset train, TrainingConfig config, ProgressListener progress) {
        List<Block> children = Layers.sequential(model).getChildren().values();
        int conv = lastConv(children);
        if (conv < 0) {
            throw new IllegalArgumentException("fine-pruning needs a sequential network with a convolution");
        }
        BatchNorm norm = conv + 1 < children.size() && children.get(conv + 1) instanceof BatchNorm bn ? bn : null;
        double[] activity = meanActivation(model, children, conv, train.head(Math.min(probeImages, train.size())));
        boolean[] removed = FilterPruning.lowest(activity, (int) Math.floor(fraction * activity.length));
        PruningMask mask = new PruningMask();
        FilterPruning.removeChannels(new FilterPruning.Target((Conv2d) children.get(conv), norm), removed, mask);
        return ModelTrainer.fit(model, train, null, config, mask, progress);
    }

    private static int lastConv(List<Block> children) {
        int last = -1;
        for (int i = 0; i < children.size(); i++) {
            last = children.get(i) instanceof Conv2d ? i : last;
        }
        return last;
    }

    /** Per channel, the mean over images and positions of the last convolution's output after its norm and activation. */
    static double[] meanActivation(Model model, List<Block> children, int conv, ImageDataset probe) {
        int end = conv + 1;
        end += end < children.size() && children.get(end) instanceof BatchNorm ? 1 : 0;
        end += end < children.size() && children.get(end) instanceof LambdaBlock ? 1 : 0;
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        double[] sums = null;
        try (NDManager scope = model.getNDManager().newSubManager()) {
            for (int from = 0; from < probe.size(); from += BATCH) {
                int n = Math.min(BATCH, probe.size() - from);
                int[] indices = java.util.stream.IntStream.range(from, from + n).toArray();
                try (NDManager batchScope = scope.newSubManager()) {
                    NDList x = new NDList(probe.images(batchScope, indices));
                    for (int c = 0; c < end; c++) {
                        x = children.get(c).forward(parameters, x, false);
                    }
                    NDArray perChannel = x.singletonOrThrow().mean(new int[] {3}).mean(new int[] {2}).mean(new int[] {0});
                    float[] values = perChannel.toFloatArray();
                    sums = sums == null ? new double[values.length] : sums;
                    for (int f = 0; f < values.length; f++) {
                        sums[f] += values[f] * n;
                    }
                }
            }
        }
        for (int f = 0; f < sums.length; f++) {
            sums[f] /= probe.size();
        }
        return sums;
    }
}
