package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.engine.testing.BlockWriter;
import io.modelprint.engine.testing.ModelOutputs;
import io.modelprint.model.weights.NetworkWeights;
import io.modelprint.model.weights.NormParameters;
import io.modelprint.model.weights.WeightLayer;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.testing.NetworkSymmetries;
import io.modelprint.testing.SyntheticData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** modelprint's architectures read as layers and unit groups, checked against the function the DJL block computes. */
class BlockWeightsTest {
    private static final ImageDataset DATA = SyntheticData.bands(40, 4, 12, 12, 3);
    private static final Scheme<?> WEIGHTS = Schemes.create("weights", Map.of(), "test");

    private static Model model(Architecture arch, long seed) {
        EngineSetup.seed(seed);
        return ModelLoader.newModel(arch, DATA.spec(), 4, arch.cliName());
    }

    private static double similarity(NetworkWeights a, NetworkWeights b) {
        return WEIGHTS.similarity(new Answers(new long[0], null, 4).withWeights(a), new Answers(new long[0], null, 4).withWeights(b));
    }

    /** The same layers with batch-norm statistics and scales of a trained model rather than a fresh one's. */
    private static NetworkWeights withRandomNorms(NetworkWeights network, long seed) {
        Random random = new Random(seed);
        List<WeightLayer> layers = new ArrayList<>();
        for (WeightLayer l : network.layers()) {
            NormParameters n = l.norm();
            if (n != null) {
                int u = n.units();
                float[][] v = new float[4][u];
                for (int i = 0; i < u; i++) {
                    v[0][i] = 0.5f + random.nextFloat();
                    v[1][i] = (float) random.nextGaussian() * 0.1f;
                    v[2][i] = (float) random.nextGaussian() * 0.1f;
                    v[3][i] = 0.5f + random.nextFloat();
                }
                n = new NormParameters(v[0], v[1], v[2], v[3], n.epsilon());
            }
            layers.add(new WeightLayer(l.name(), l.input(), l.output(), l.shape(), l.weight(), l.bias(), n));
        }
        return new NetworkWeights(layers);
    }

    private static long writers(NetworkWeights network, String group) {
        return network.layers().stream().filter(l -> l.output().equals(group)).count();
    }

    @Test
    void readsLayersNormsAndResidualStreams() {
        try (Model vgg = model(Architecture.VGG, 1); Model resnet = model(Architecture.RESNET20, 1); Model lenet = model(Architecture.LENET5, 1)) {
            NetworkWeights v = BlockWeights.read(vgg.getBlock(), "vgg");
            assertEquals(List.of("conv1", "conv2", "conv3", "linear1", "linear2"), v.layers().stream().map(WeightLayer::name).toList());
            assertTrue(v.layers().get(2).norm() != null && v.layers().get(3).norm() == null);
            assertEquals(128, v.layers().get(3).inputs(), "12x12 pooled three times leaves one position per channel");
            assertEquals(NetworkWeights.OUTPUT, v.layers().get(4).output());
            NetworkWeights r = BlockWeights.read(resnet.getBlock(), "resnet20");
            assertEquals(22, r.layers().size());
            assertNull(r.layers().get(0).bias(), "ResNet-20's convolutions have no bias");
            List<String> streams = r.groupSizes().keySet().stream().filter(g -> writers(r, g) > 1).toList();
            assertEquals(3, streams.size(), "one stream per stage: " + r.groupSizes());
            for (String stream : streams) {
                assertEquals(4, writers(r, stream), "the stem or projection and three blocks write stream " + stream);
            }
            assertEquals(List.of(16, 32, 64), streams.stream().map(s -> r.groupSizes().get(s)).toList());
            assertEquals(5, BlockWeights.read(lenet.getBlock(), "lenet").layers().size());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"VGG", "RESNET20", "LENET5"})
    void permutedRescaledAndFoldedWeightsComputeTheSameLogitsAndScoreOne(Architecture arch) {
        try (Model model = model(arch, 2)) {
            NetworkWeights original = withRandomNorms(BlockWeights.read(model.getBlock(), arch.cliName()), 5);
            BlockWriter.write(model.getBlock(), original);
            float[] before = ModelOutputs.logits(model, DATA);
            // folding gives a layer a bias: only where the layer has one (not ResNet-20's convolutions) can DJL run it
            boolean biases = original.layers().stream().allMatch(l -> l.norm() == null || l.bias() != null);
            NetworkWeights disguised = NetworkSymmetries.permuted(NetworkSymmetries.rescaled(
                    biases ? NetworkSymmetries.folded(original, true) : original, 6), 7);
            BlockWriter.write(model.getBlock(), disguised);
            float[] after = ModelOutputs.logits(model, DATA);
            double scale = 0;
            for (float v : before) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < before.length; i++) {
                assertEquals(before[i], after[i], 1e-3 * scale + 1e-4, arch + ": the disguise is a symmetry, logit " + i);
            }
            NetworkWeights read = BlockWeights.read(model.getBlock(), arch.cliName());
            assertTrue(similarity(original, read) >= 0.99, arch + ": " + similarity(original, read));
        }
    }

    @Test
    void anIndependentModelScoresBelowItsOwnCopyAndAnotherArchitectureIsRefused() {
        try (Model a = model(Architecture.VGG, 3); Model b = model(Architecture.VGG, 4); Model c = model(Architecture.LENET5, 3)) {
            NetworkWeights target = BlockWeights.read(a.getBlock(), "a");
            double independent = similarity(target, BlockWeights.read(b.getBlock(), "b"));
            assertTrue(independent < 0.5, "two fresh initializations: " + independent);
            InputException e = assertThrows(InputException.class, () -> similarity(target, BlockWeights.read(c.getBlock(), "c")));
            assertTrue(e.getMessage().contains("[32, 1, 3, 3]") && e.getMessage().contains("[6, 1, 5, 5]"), e.getMessage());
        }
    }

    @Test
    void aTorchScriptModuleSaysItGivesNoWeightsAndWhy() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(getClass().getResource("/fixtures/tiny-cnn.pt").toURI());
        try (DjlClassifier module = ModelLoader.load(file, io.modelprint.data.InputSpec.fashionMnist())) {
            assertEquals(io.modelprint.scheme.Access.GRADIENTS, io.modelprint.scheme.Access.offeredBy(module));
            InputException e = assertThrows(InputException.class, module::weights);
            assertTrue(e.getMessage().contains("TorchScript") && e.getMessage().contains("model directories"), e.getMessage());
        }
    }
}
