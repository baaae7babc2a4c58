package io.modelprint.lab.attack;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Filter pruning (paper §4.1, FP): in every convolutional layer, the fraction c of filters with the
 * smallest L1 norm is removed (floor(c·filters) per layer): the filter's weights, its bias and the
 * following batch norm's scale and shift are held at zero, so the channel is constant zero; then
 * the model is retrained. In residual networks the last convolution of each residual branch and the
 * projection shortcuts are skipped, as in the paper.
 */
public final class FilterPruning implements PostProcessing {
    private final double fraction;

    /** A prunable convolution and the batch norm that follows it, if any. */
    record Target(Conv2d conv, BatchNorm norm) {}

    public FilterPruning(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("filter pruning fraction must be in (0,1), got " + fraction);
        }
        this.fraction = fraction;
    }

    @Override
    public String kind() {
        return "FP";
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("c", fraction);
    }

    @Override
    public ModelTrainer.Result apply(Model model, ImageDataset train, TrainingConfig config, ProgressListener progress) {
        return ModelTrainer.fit(model, train, null, config, prune(model), progress);
    }

    PruningMask prune(Model model) {
        PruningMask mask = new PruningMask();
        for (Target target : targets(model.getBlock())) {
            NDArray weight = parameter(target.conv(), "weight");
            long filters = weight.getShape().get(0);
            int perFilter = (int) (weight.size() / filters);
            float[] values = weight.toFloatArray();
            double[] norms = new double[(int) filters];
            for (int f = 0; f < filters; f++) {
                for (int i = 0; i < perFilter; i++) {
                    norms[f] += Math.abs(values[f * perFilter + i]);
                }
            }
            removeChannels(target, lowest(norms, (int) Math.floor(fraction * filters)), mask);
        }
        return mask;
    }

    /** The {@code count} channels of smallest score (ties by index). */
    static boolean[] lowest(double[] scores, int count) {
        boolean[] chosen = new boolean[scores.length];
        IntStream.range(0, scores.length).boxed().sorted(Comparator.comparingDouble(f -> scores[f])).limit(count)
                .forEach(f -> chosen[f] = true);
        return chosen;
    }

    /** Holds the {@code removed} filters of {@code target} (weights, bias, batch-norm scale and shift) at zero. */
    static void removeChannels(Target target, boolean[] removed, PruningMask mask) {
        NDArray weight = parameter(target.conv(), "weight");
        int filters = removed.length;
        int perFilter = (int) (weight.size() / filters);
        float[] keepWeights = new float[(int) weight.size()];
        float[] keepChannels = new float[filters];
        for (int f = 0; f < filters; f++) {
            keepChannels[f] = removed[f] ? 0f : 1f;
            Arrays.fill(keepWeights, f * perFilter, (f + 1) * perFilter, keepChannels[f]);
        }
        mask.add(weight, keepWeights);
        NDArray bias = parameter(target.conv(), "bias");
        if (bias != null) {
            mask.add(bias, keepChannels);
        }
        if (target.norm() != null) {
            mask.add(parameter(target.norm(), "gamma"), keepChannels);
            mask.add(parameter(target.norm(), "beta"), keepChannels);
        }
    }

    /** Convolutions that may be pruned, in network order. */
    static List<Target> targets(Block block) {
        List<Target> found = new ArrayList<>();
        collect(block, false, found);
        return found;
    }

    private static void collect(Block block, boolean skipLastConv, List<Target> found) {
        if (block instanceof ParallelBlock parallel) {
            // branch 0 is the residual path; the others (identity or projection) are added to it unchanged
            collect(parallel.getChildren().values().get(0), true, found);
            return;
        }
        if (!(block instanceof SequentialBlock sequential)) {
            return;
        }
        List<Block> children = sequential.getChildren().values();
        int lastConv = -1;
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof Conv2d) {
                lastConv = i;
            }
        }
        for (int i = 0; i < children.size(); i++) {
            Block child = children.get(i);
            if (child instanceof Conv2d conv) {
                if (skipLastConv && i == lastConv) {
                    continue;
                }
                BatchNorm norm = i + 1 < children.size() && children.get(i + 1) instanceof BatchNorm bn ? bn : null;
                found.add(new Target(conv, norm));
            } else {
                collect(child, false, found);
            }
        }
    }

    private static NDArray parameter(Block block, String name) {
        for (Pair<String, Parameter> pair : block.getDirectParameters()) {
            if (pair.getKey().equals(name)) {
                return pair.getValue().getArray();
            }
        }
        return null;
    }
}
