package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.PgdAttack;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.testing.SyntheticData;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PGD stays in its ball and raises the loss; adversarial extraction makes a label student robust to it. */
class AdversarialExtractionTest {
    private final ImageDataset train = SyntheticData.bands(400, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(200, 4, 12, 12, 2);

    @TempDir
    Path dir;

    @Test
    void pgdExamplesStayWithinEpsilonAndTheRangeAndRaiseTheLoss() {
        EngineSetup.seed(3);
        try (Model model = ModelLoader.newModel(Architecture.MLP, train.spec(), 4, "mlp");
                NDManager manager = model.getNDManager().newSubManager()) {
            ModelTrainer.fit(model, train, new TrainingConfig(3, 32, 1e-3f, 3, 0), ProgressListener.NONE);
            ParameterStore parameters = new ParameterStore(manager, false);
            int[] all = IntStream.range(0, test.size()).toArray();
            NDArray x = test.images(manager, all);
            NDArray y = manager.create(IntStream.of(test.labels()).asLongStream().toArray());
            NDArray adversarial = new PgdAttack(0.1f, 0.02f, 10, 0f, 1f).perturb(model.getBlock(), parameters, x, y);
            float[] clean = x.toFloatArray();
            float[] moved = adversarial.toFloatArray();
            float largest = 0;
            for (int i = 0; i < clean.length; i++) {
                largest = Math.max(largest, Math.abs(moved[i] - clean[i]));
                assertTrue(moved[i] >= 0f && moved[i] <= 1f, "pixel " + i + " left [0,1]: " + moved[i]);
            }
            assertTrue(largest <= 0.1f + 1e-6f, "moved by " + largest);
            assertTrue(largest > 0.05f, "PGD barely moved: " + largest);
            float cleanLoss = loss(model, parameters, x, y);
            float adversarialLoss = loss(model, parameters, adversarial, y);
            assertTrue(adversarialLoss > cleanLoss * 1.2f, "loss " + cleanLoss + " -> " + adversarialLoss);
            for (Parameter parameter : model.getBlock().getParameters().values()) {
                NDArray array = parameter.getArray();
                if (array.hasGradient()) {
                    assertEquals(0f, array.getGradient().abs().max().getFloat(), parameter.getName() + " keeps a gradient");
                }
            }
        }
    }

    @Test
    void adversarialExtractionMakesALabelStudentRobustAndKeepsItAccurate() {
        TrainingRun.trainAndSave(Architecture.MLP, train, test, new TrainingConfig(3, 32, 1e-3f, 5, 0), dir.resolve("teacher"),
                ProgressListener.NONE);
        PgdAttack strong = new PgdAttack(0.3f, 0.05f, 10, 0f, 1f);
        try (DjlClassifier teacher = ModelLoader.load(dir.resolve("teacher"), null)) {
            EngineSetup.seed(7);
            Model student = ModelLoader.newModel(Architecture.MLP, train.spec(), 4, "student");
            new Distillation(Distillation.Access.LABELS, 400, 0.1f).apply(student, teacher, train,
                    new TrainingConfig(3, 32, 1e-3f, 7, 0), ProgressListener.NONE);
            double robustBefore = robustAccuracy(student, strong);
            new AdversarialExtraction(400, 0.1f, 0.3f, 0.05f, 10).apply(student, teacher, train,
                    new TrainingConfig(3, 32, 1e-3f, 8, 0), ProgressListener.NONE);
            double robustAfter = robustAccuracy(student, strong);
            double clean = ModelTrainer.accuracy(student, test);
            System.out.printf("accuracy under PGD(0.3): %.3f before, %.3f after adversarial extraction; clean %.3f%n",
                    robustBefore, robustAfter, clean);
            assertTrue(robustAfter > robustBefore + 0.3, robustBefore + " -> " + robustAfter);
            assertTrue(clean > 0.9, "clean accuracy " + clean);
            student.close();
        }
    }

    private double robustAccuracy(Model model, PgdAttack attack) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(manager, false);
            NDArray x = test.images(manager, IntStream.range(0, test.size()).toArray());
            NDArray y = manager.create(IntStream.of(test.labels()).asLongStream().toArray());
            NDArray adversarial = attack.perturb(model.getBlock(), parameters, x, y);
            long[] predicted = model.getBlock().forward(parameters, new NDList(adversarial), false).singletonOrThrow().argMax(1)
                    .toLongArray();
            int correct = 0;
            for (int i = 0; i < predicted.length; i++) {
                correct += predicted[i] == test.label(i) ? 1 : 0;
            }
            return (double) correct / predicted.length;
        }
    }

    private static float loss(Model model, ParameterStore parameters, NDArray x, NDArray y) {
        NDArray logits = model.getBlock().forward(parameters, new NDList(x), false).singletonOrThrow();
        return Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(logits)).getFloat();
    }
}
