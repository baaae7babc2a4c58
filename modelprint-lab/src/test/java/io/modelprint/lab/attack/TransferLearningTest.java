package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.testing.SyntheticData;
import io.modelprint.testing.TinyFingerprints;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transfer-learning copy keeps the target's body, learns the new task, and only task-agnostic schemes (SAC, ModelDiff) compare it. */
class TransferLearningTest {
    private final ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(100, 4, 12, 12, 2);

    @TempDir
    Path dir;

    @Test
    void fashionMnistGroupsIntoFourTasksAndOtherDataIntoHalves() {
        TransferTask fashion = TransferTask.forClasses(10);
        assertEquals(4, fashion.classes());
        // T-shirt, pullover, coat, shirt are tops; trouser and dress; sandal, sneaker, ankle boot; bag
        assertArrayEquals(new int[] {0, 1, 0, 1, 0, 2, 0, 2, 3, 2}, fashion.mapping());
        TransferTask halves = TransferTask.forClasses(4);
        assertArrayEquals(new int[] {0, 0, 1, 1}, halves.mapping());
        ImageDataset relabelled = halves.relabel(train);
        assertEquals(2, relabelled.numClasses());
        for (int i = 0; i < train.size(); i++) {
            assertEquals(train.label(i) / 2, relabelled.label(i));
        }
    }

    @Test
    void theTaskIsChosenByTheDataSetsClassesNotTheirCount() {
        ImageDataset ten = io.modelprint.testing.SyntheticData.colourBands(20, 10, 4, 4, 0);
        assertEquals("lower-upper-half", TransferTask.of(ten).name(), "10 unnamed classes of unknown data are not Fashion-MNIST's");
        TransferTask cifar = TransferTask.of(ten.withClassNames(io.modelprint.data.ClassNames.CIFAR10));
        assertEquals("vehicles-animals", cifar.name());
        // airplane, automobile, ship, truck against bird, cat, deer, dog, frog, horse
        assertArrayEquals(new int[] {0, 0, 1, 1, 1, 1, 1, 1, 0, 0}, cifar.mapping());
        assertArrayEquals(TransferTask.forClasses(10).mapping(),
                TransferTask.of(ten.withClassNames(io.modelprint.data.ClassNames.FASHION_MNIST)).mapping());
        assertEquals("tops-bottoms-footwear-bags", TransferTask.of(ten.withName("fashion-mnist-train")).name(), "IDX files name no class");
    }

    @Test
    void aHeadOnlyCopyKeepsTheBodyLearnsTheTaskAndOnlyTaskAgnosticSchemesCompareIt() {
        TrainingRun.trainAndSave(Architecture.LENET5, train, test, new TrainingConfig(3, 32, 1e-3f, 5, 0), dir.resolve("target"),
                ProgressListener.NONE);
        TransferTask task = TransferTask.forClasses(4);
        try (DjlClassifier target = ModelLoader.load(dir.resolve("target"), null);
                Model copy = ModelLoader.newModel(Architecture.LENET5, train.spec(), task.classes(), "copy")) {
            EngineSetup.seed(9);
            new TransferLearning(task, false).apply(target.model(), copy, train, new TrainingConfig(5, 32, 1e-2f, 9, 0),
                    ProgressListener.NONE);
            List<Parameter> before = target.model().getBlock().getParameters().values();
            List<Parameter> after = copy.getBlock().getParameters().values();
            for (int i = 0; i < after.size() - 2; i++) {
                assertArrayEquals(before.get(i).getArray().toFloatArray(), after.get(i).getArray().toFloatArray(), 0f,
                        after.get(i).getName() + " is the target's");
            }
            assertEquals(2, after.get(after.size() - 1).getArray().getShape().get(0), "a head of the task's size");
            double accuracy = ModelTrainer.accuracy(copy, task.relabel(test));
            assertTrue(accuracy > 0.9, "task accuracy " + accuracy);

            TrainingRun.save(copy, Architecture.LENET5, task.relabel(train), task.relabel(test), new TrainingConfig(5, 32, 1e-2f, 9, 0),
                    new ModelTrainer.Result(0, 0, Float.NaN), dir.resolve("copy"), "target", Map.of());
            try (DjlClassifier suspect = ModelLoader.load(dir.resolve("copy"), null)) {
                for (String agnostic : List.of("modeldiff", "sac-m", "sac-m-hard")) {
                    Fingerprint fingerprint = fingerprint(target, agnostic);
                    double similarity = new Verifier(Verifier.DEFAULT_THRESHOLD).verify(fingerprint, suspect).similarity();
                    assertTrue(Double.isFinite(similarity) && similarity > 0, agnostic + " compares a 2-class copy: " + similarity);
                }
                Fingerprint labels = fingerprint(target, "ipguard");
                InputException refused = assertThrows(InputException.class, () -> Verifier.answers(labels, labels.scheme(), suspect));
                assertTrue(refused.getMessage().contains("has 2 classes") && refused.getMessage().contains("modeldiff")
                        && refused.getMessage().contains("sac-m-hard"), refused.getMessage());
            }
        }
    }

    private Fingerprint fingerprint(DjlClassifier target, String name) {
        return TinyFingerprints.extract(target, "target", name, train, 20, 0);
    }
}
