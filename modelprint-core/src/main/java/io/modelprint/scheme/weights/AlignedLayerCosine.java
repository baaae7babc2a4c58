package io.modelprint.scheme.weights;

import io.modelprint.scheme.Distance;
import java.util.Map;

/**
 * The suspect's units aligned to the target's by {@link WeightMatching}, then the mean over layers of
 * the cosine between the target's and the aligned suspect's weights and bias (each layer one vector).
 * Every layer counts alike, whatever its size, so the large first dense layer of a VGG does not drown
 * the convolutions, and a re-initialized head costs one layer's share. In [-1, 1]: 1 for the target
 * itself up to permutation, folding and rescaling; near 0 for unrelated random weights.
 */
final class AlignedLayerCosine implements Distance<CanonicalNetwork> {
    /** The order in which groups are visited is random but fixed, so a comparison always gives the same number. */
    private static final long SEED = 0;

    private final int maxIterations;

    AlignedLayerCosine(int maxIterations) {
        this.maxIterations = maxIterations;
    }

    @Override
    public String name() {
        return "mean-layer-cosine-after-matching";
    }

    @Override
    public double similarity(CanonicalNetwork target, CanonicalNetwork suspect) {
        return layerCosines(target, suspect).values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Each layer's cosine after alignment, by layer name in forward order. */
    Map<String, Double> layerCosines(CanonicalNetwork target, CanonicalNetwork suspect) {
        suspect = suspect.withGroupsRenamed(SameArchitecture.require(target.specs(), suspect.specs()));
        Map<String, int[]> order = WeightMatching.match(target, suspect, maxIterations, SEED).permutations();
        Map<String, Double> cosines = new java.util.LinkedHashMap<>();
        for (int l = 0; l < target.layers().size(); l++) {
            CanonicalLayer a = target.layers().get(l);
            CanonicalLayer b = suspect.layers().get(l);
            cosines.put(a.name(), a.cosine(b.permuted(order.get(b.output()), order.get(b.input()))));
        }
        return cosines;
    }
}
