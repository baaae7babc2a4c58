package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.util.Pair;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.ProgressListener;
import io.modelprint.testing.SyntheticData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostProcessingTest {
    private final ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(100, 4, 12, 12, 2);
    private final TrainingConfig oneEpoch = new TrainingConfig(1, 32, 1e-3f, 3, 0);

    private Model trained(Architecture arch) {
        EngineSetup.seed(1);
        Model model = ModelLoader.newModel(arch, train.spec(), 4, arch.cliName());
        ModelTrainer.fit(model, train, new TrainingConfig(2, 32, 1e-3f, 1, 0), ProgressListener.NONE);
        return model;
    }

    private static Map<String, float[]> snapshot(Model model) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            values.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return values;
    }

    private static String lastLayerPrefix(Model model) {
        String last = null;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            last = p.getKey();
        }
        return last.substring(0, last.lastIndexOf('_'));
    }

    @Test
    void lastLayerVariantsChangeOnlyTheLastLayer() {
        for (FineTuning.Variant variant : new FineTuning.Variant[] {FineTuning.Variant.FTLL, FineTuning.Variant.RTLL}) {
            try (Model model = trained(Architecture.VGG)) {
                Map<String, float[]> before = snapshot(model);
                new FineTuning(variant).apply(model, train, new TrainingConfig(5, 32, 1e-2f, 3, 0), ProgressListener.NONE);
                Map<String, float[]> after = snapshot(model);
                String head = lastLayerPrefix(model);
                for (String name : before.keySet()) {
                    boolean same = java.util.Arrays.equals(before.get(name), after.get(name));
                    if (name.startsWith(head)) {
                        assertFalse(same, variant + " changes " + name);
                    } else {
                        assertTrue(same, variant + " leaves " + name + " (incl. batch-norm statistics) untouched");
                    }
                }
                assertTrue(ModelTrainer.accuracy(model, test) > 0.8, variant + " keeps a working classifier");
            }
        }
    }

    @Test
    void retrainingReinitializesTheLastLayer() {
        try (Model model = trained(Architecture.LENET5)) {
            Map<String, float[]> before = snapshot(model);
            String head = lastLayerPrefix(model);
            new FineTuning(FineTuning.Variant.RTAL).apply(model, train, new TrainingConfig(1, 300, 1e-9f, 3, 0), ProgressListener.NONE);
            Map<String, float[]> after = snapshot(model);
            float[] w0 = before.get(head + "_weight");
            float[] w1 = after.get(head + "_weight");
            double moved = 0;
            for (int i = 0; i < w0.length; i++) {
                moved = Math.max(moved, Math.abs(w0[i] - w1[i]));
            }
            assertTrue(moved > 0.05, "last layer re-initialized, not nudged: " + moved);
            String first = before.keySet().iterator().next();
            assertArrayEquals(before.get(first), after.get(first), 1e-5f, "a near-zero learning rate leaves other layers");
        }
    }

    @Test
    void weightPruningZeroesExactlyTheAskedFraction() {
        try (Model model = trained(Architecture.LENET5)) {
            new WeightPruning(0.3).apply(model, train, oneEpoch, ProgressListener.NONE);
            int layers = 0;
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                float[] w = p.getValue().getArray().toFloatArray();
                if (!p.getKey().endsWith("weight") || p.getValue().getArray().getShape().dimension() < 2) {
                    continue;
                }
                layers++;
                int zeros = 0;
                for (float v : w) {
                    zeros += v == 0f ? 1 : 0;
                }
                assertEquals((int) Math.floor(0.3 * w.length), zeros, p.getKey() + " after retraining");
            }
            assertEquals(5, layers, "2 conv + 3 linear layers in LeNet-5");
            assertTrue(ModelTrainer.accuracy(model, test) > 0.8);
        }
    }

    @Test
    void filterPruningRemovesWholeFiltersAndTheModelStillRuns() {
        for (Architecture arch : new Architecture[] {Architecture.VGG, Architecture.RESNET20}) {
            try (Model model = trained(arch)) {
                new FilterPruning(0.25).apply(model, train, oneEpoch, ProgressListener.NONE);
                var targets = FilterPruning.targets(model.getBlock());
                assertEquals(arch == Architecture.VGG ? 3 : 1 + 9, targets.size(), arch + ": stem + first conv of each residual block");
                for (FilterPruning.Target target : targets) {
                    Conv2d conv = target.conv();
                    float[] w = conv.getParameters().get("weight").getArray().toFloatArray();
                    int filters = (int) conv.getParameters().get("weight").getArray().getShape().get(0);
                    int per = w.length / filters;
                    int empty = 0;
                    for (int f = 0; f < filters; f++) {
                        boolean zero = true;
                        for (int i = 0; i < per && zero; i++) {
                            zero = w[f * per + i] == 0f;
                        }
                        empty += zero ? 1 : 0;
                    }
                    assertEquals(filters / 4, empty, arch + ": a quarter of the filters removed");
                }
                assertTrue(ModelTrainer.accuracy(model, test) > 0.5, arch + " pruned model still classifies");
            }
        }
    }

    /** The test images labelled by {@code teacher}: a model's accuracy on them is its agreement with the teacher. */
    private ImageDataset labelledBy(io.modelprint.model.Classifier teacher) {
        long[] labels = teacher.predictLabels(test.pixels(), test.size());
        int[] asInts = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            asInts[i] = (int) labels[i];
        }
        return new ImageDataset("test-by-teacher", test.spec(), test.pixels(), asInts, test.numClasses());
    }

    @Test
    void distilledStudentsAgreeWithTheirTeacherFarMoreThanAModelTrainedOnTheTruth() {
        // a random linear teacher: its answers have nothing to do with the bands, so only a copy can match them
        try (io.modelprint.testing.LinearModel teacher = new io.modelprint.testing.LinearModel(train.spec(), 4, 5);
                Model probabilities = ModelLoader.newModel(Architecture.MLP, train.spec(), 4, "kd");
                Model labels = ModelLoader.newModel(Architecture.MLP, train.spec(), 4, "label-student");
                Model independent = trained(Architecture.MLP)) {
            TrainingConfig config = new TrainingConfig(8, 32, 3e-3f, 2, 0);
            new Distillation(Distillation.Access.PROBABILITIES, 300, 0.1f).apply(probabilities, teacher, train, config,
                    ProgressListener.NONE);
            new Distillation(Distillation.Access.LABELS, 300, 0.1f).apply(labels, teacher, train, config, ProgressListener.NONE);
            ImageDataset byTeacher = labelledBy(teacher);
            double kd = ModelTrainer.accuracy(probabilities, byTeacher);
            double label = ModelTrainer.accuracy(labels, byTeacher);
            double truth = ModelTrainer.accuracy(independent, byTeacher);
            assertTrue(kd > truth + 0.2 && label > truth + 0.2,
                    "agreement with the teacher: KD student " + kd + ", label student " + label + ", independent " + truth);
        }
    }
}
