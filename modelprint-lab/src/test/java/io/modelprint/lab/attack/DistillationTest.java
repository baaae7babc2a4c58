package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.EngineSetup;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.ModelTrainer;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.engine.testing.ModelOutputs;
import io.modelprint.testing.SyntheticData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student distilled from a teacher (SAC's KD: T 20, alpha 0.9) answers like it more than an independent model does. */
class DistillationTest {
    @TempDir
    Path dir;

    @Test
    void aDistilledStudentMatchesItsTeachersProbabilitiesMoreThanAnIndependentModel() {
        ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
        ImageDataset test = SyntheticData.bands(200, 4, 12, 12, 2);
        // a weak teacher (one short epoch): its probabilities are its own, not simply the labels'
        TrainingRun.trainAndSave(Architecture.LENET5, train, test, new TrainingConfig(1, 64, 3e-4f, 5, 0), dir.resolve("teacher"),
                ProgressListener.NONE);
        try (DjlClassifier teacher = ModelLoader.load(dir.resolve("teacher"), null)) {
            EngineSetup.seed(7);
            Model student = ModelLoader.newModel(Architecture.MLP, train.spec(), 4, "student");
            new Distillation(Distillation.Access.PROBABILITIES, 300, 0.1f).apply(student, teacher, train,
                    new TrainingConfig(5, 32, 1e-3f, 7, 0), ProgressListener.NONE);
            EngineSetup.seed(8);
            Model independent = ModelLoader.newModel(Architecture.MLP, train.spec(), 4, "independent");
            ModelTrainer.fit(independent, train, new TrainingConfig(5, 32, 1e-3f, 8, 0), ProgressListener.NONE);
            float[] target = softmax(ModelOutputs.logits(teacher.model(), test), 4);
            double studentDistance = distance(target, softmax(ModelOutputs.logits(student, test), 4));
            double independentDistance = distance(target, softmax(ModelOutputs.logits(independent, test), 4));
            System.out.printf("distance to the teacher's probabilities: student %.4f, independent %.4f%n", studentDistance,
                    independentDistance);
            assertTrue(studentDistance < 0.5 * independentDistance, "student " + studentDistance + " vs independent " + independentDistance);
            student.close();
            independent.close();
        }
    }

    private static float[] softmax(float[] logits, int classes) {
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length / classes; i++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[i * classes + c]);
            }
            float sum = 0;
            for (int c = 0; c < classes; c++) {
                p[i * classes + c] = (float) Math.exp(logits[i * classes + c] - max);
                sum += p[i * classes + c];
            }
            for (int c = 0; c < classes; c++) {
                p[i * classes + c] /= sum;
            }
        }
        return p;
    }

    /** Mean total variation distance between the rows of two probability tables. */
    private static double distance(float[] a, float[] b) {
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += Math.abs(a[i] - b[i]);
        }
        return total / 2 / (a.length / 4);
    }
}
