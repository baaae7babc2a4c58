package io.modelprint.scheme.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.testing.NetworkSymmetries;
import io.modelprint.testing.TinyNetworks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Weight matching undoes permutations, rescaling and folding, and tells a perturbed copy from an independent network. */
class WeightMatchingTest {
    private static final Scheme<?> WEIGHTS = Schemes.create("weights", Map.of(), "test");

    private static double similarity(Scheme<?> scheme, NetworkWeights target, NetworkWeights suspect) {
        return scheme.similarity(answers(target), answers(suspect));
    }

    private static double similarity(NetworkWeights target, NetworkWeights suspect) {
        return similarity(WEIGHTS, target, suspect);
    }

    private static Answers answers(NetworkWeights network) {
        return new Answers(new long[0], null, 3).withWeights(network);
    }

    private static List<NetworkWeights> networks(long seed) {
        return List.of(TinyNetworks.mlp(seed, 12, new int[] {10, 8}, 3), TinyNetworks.cnn(seed), TinyNetworks.residual(seed));
    }

    /** The mean layer cosine without any alignment: what matching must improve on. */
    private static double unaligned(NetworkWeights target, NetworkWeights suspect) {
        CanonicalNetwork a = CanonicalNetwork.of(target, true);
        CanonicalNetwork b = CanonicalNetwork.of(suspect, true);
        double sum = 0;
        for (int l = 0; l < a.layers().size(); l++) {
            sum += a.layers().get(l).cosine(b.layers().get(l));
        }
        return sum / a.layers().size();
    }

    @Test
    void aNetworkIsItself() {
        for (NetworkWeights network : networks(1)) {
            assertEquals(1.0, similarity(network, network), 1e-6);
        }
    }

    @Test
    void permutedCopiesScoreOneIncludingResidualStreamsSharingOnePermutation() {
        for (NetworkWeights network : networks(2)) {
            NetworkWeights permuted = NetworkSymmetries.permuted(network, 5);
            assertTrue(unaligned(network, permuted) < 0.9, "the permutation really moved the units");
            assertTrue(similarity(network, permuted) >= 0.99, network.layers().get(0).name() + ": " + similarity(network, permuted));
        }
    }

    @Test
    void rescaledCopiesScoreOneAndOnlyBecauseRescalingIsUndone() {
        Scheme<?> withoutRescaling = Schemes.create("weights", Map.of("rescale", false), "test");
        NetworkWeights mlp = TinyNetworks.mlp(3, 12, new int[] {10, 8}, 3);
        NetworkWeights rescaled = NetworkSymmetries.rescaled(mlp, 6);
        assertTrue(similarity(withoutRescaling, mlp, rescaled) < 0.95, "rescaling changed the weights");
        for (NetworkWeights network : networks(3)) {
            double s = similarity(network, NetworkSymmetries.rescaled(network, 6));
            assertTrue(s >= 0.99, network.layers().get(0).name() + ": " + s);
        }
    }

    @Test
    void foldedBatchNormScoresOneWhetherTheNormStaysAsIdentityOrGoes() {
        for (NetworkWeights network : List.of(TinyNetworks.cnn(4), TinyNetworks.residual(4))) {
            assertTrue(similarity(network, NetworkSymmetries.folded(network, true)) >= 0.99);
            assertTrue(similarity(network, NetworkSymmetries.folded(network, false)) >= 0.99);
        }
    }

    @Test
    void allSymmetriesTogetherStillScoreOne() {
        for (NetworkWeights network : networks(5)) {
            NetworkWeights disguised = NetworkSymmetries.permuted(NetworkSymmetries.rescaled(NetworkSymmetries.folded(network, true), 8), 9);
            assertTrue(similarity(network, disguised) >= 0.99, String.valueOf(similarity(network, disguised)));
        }
    }

    @Test
    void aPerturbedCopyScoresFarAboveAnIndependentNetwork() {
        List<NetworkWeights> targets = networks(6);
        List<NetworkWeights> independents = networks(7);
        for (int i = 0; i < targets.size(); i++) {
            NetworkWeights target = targets.get(i);
            NetworkWeights copy = NetworkSymmetries.permuted(NetworkSymmetries.perturbed(target, 0.2f, 11), 12);
            double copied = similarity(target, copy);
            double independent = similarity(target, independents.get(i));
            assertTrue(copied > 0.9 && copied > independent + 0.3, "copy " + copied + ", independent " + independent);
        }
    }

    @Test
    void otherWidthsAndDepthsAreRefusedNamingBothModelsLayers() {
        NetworkWeights target = TinyNetworks.mlp(1, 12, new int[] {10, 8}, 3);
        InputException wider = assertThrows(InputException.class,
                () -> similarity(target, TinyNetworks.mlp(1, 12, new int[] {11, 8}, 3)));
        assertTrue(wider.getMessage().contains("layer 1") && wider.getMessage().contains("[10, 12]")
                && wider.getMessage().contains("[11, 12]"), wider.getMessage());
        InputException deeper = assertThrows(InputException.class,
                () -> similarity(target, TinyNetworks.mlp(1, 12, new int[] {10, 8, 8}, 3)));
        assertTrue(deeper.getMessage().contains("3 layers") && deeper.getMessage().contains("4)")
                && deeper.getMessage().contains("linear3 [8, 8]"), deeper.getMessage());
        InputException other = assertThrows(InputException.class, () -> similarity(TinyNetworks.cnn(1), TinyNetworks.residual(1)));
        // group names may differ (c1 here, s1 there): the shapes and the wiring decide
        assertTrue(other.getMessage().contains("at layer 2") && other.getMessage().contains("conv2 [6, 4, 3, 3]")
                && other.getMessage().contains("conv2 [4, 4, 3, 3]"), other.getMessage());
    }
}
