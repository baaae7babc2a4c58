package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.ProgressListener;
import io.modelprint.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingAndStoreTest {
    @TempDir
    Path dir;

    private final ImageDataset train = SyntheticData.bands(400, 4, 12, 12, 1);
    private final ImageDataset test = SyntheticData.bands(100, 4, 12, 12, 2);

    @Test
    void trainingLearnsAndSavedModelAnswersTheSame() throws IOException {
        AtomicLong lastStep = new AtomicLong();
        TrainingRun.Outcome outcome = TrainingRun.trainAndSave(Architecture.MLP, train, test,
                new TrainingConfig(3, 32, 1e-3f, 5, 0), dir.resolve("mlp"), (done, total, msg) -> lastStep.set(done));
        assertEquals(3 * 13, lastStep.get(), "progress reports every batch");
        ModelProvenance provenance = outcome.provenance();
        assertTrue(provenance.testAccuracy() > 0.9, "accuracy " + provenance.testAccuracy());
        assertEquals("mlp", provenance.arch());
        assertEquals(5, provenance.seed());
        assertEquals(64, provenance.weightsSha256().length());
        assertEquals(1200, outcome.training().images());

        try (DjlClassifier loaded = ModelLoader.load(dir.resolve("mlp"), null)) {
            assertEquals(4, loaded.numClasses());
            assertEquals(provenance.weightsSha256(), loaded.sha256());
            assertEquals(provenance.testAccuracy(), ModelTrainer.accuracy(loaded.model(), test), 1e-9);
        }
    }

    @Test
    void fitUntilAsksAfterEveryEpochAndStopsAtTheFirstYes() {
        java.util.List<Integer> asked = new java.util.ArrayList<>();
        try (ai.djl.Model model = ModelLoader.newModel(Architecture.MLP, train.spec(), train.numClasses(), "m")) {
            ModelTrainer.Result result = ModelTrainer.fitUntil(model, train, new TrainingConfig(10, 50, 1e-3f, 9, 0), epochs -> {
                asked.add(epochs);
                return epochs == 3;
            }, ProgressListener.NONE);
            assertEquals(java.util.List.of(1, 2, 3), asked);
            assertEquals(3 * train.size(), result.images());
        }
    }

    @Test
    void trainingToAnAccuracyStopsAtTheFirstEpochThatReachesItAndRecordsTheEpochsTrained() {
        TrainingConfig cap = new TrainingConfig(10, 50, 1e-3f, 9, 0);
        ModelProvenance reached = TrainingRun.trainToAccuracyAndSave(Architecture.MLP, train, test, 0.6, cap, dir.resolve("reached"), null,
                ProgressListener.NONE).provenance();
        assertTrue(reached.epochs() < 10, "bands are learnt in a few epochs: " + reached.epochs());
        assertTrue(reached.testAccuracy() >= 0.6, "accuracy " + reached.testAccuracy());
        ModelProvenance plain = TrainingRun.trainAndSave(Architecture.MLP, train, test, new TrainingConfig(reached.epochs(), 50, 1e-3f, 9, 0), dir.resolve("plain"),
                ProgressListener.NONE).provenance();
        assertEquals(plain.weightsSha256(), reached.weightsSha256(), "stopping after e epochs is training e epochs");
        assertEquals(plain.testAccuracy(), reached.testAccuracy(), 1e-9, "the accuracy recorded is the last one measured");

        ModelProvenance capped = TrainingRun.trainToAccuracyAndSave(Architecture.MLP, train, test, 2, new TrainingConfig(2, 50, 1e-3f, 9, 0),
                dir.resolve("capped"), null, ProgressListener.NONE).provenance();
        assertEquals(2, capped.epochs(), "an accuracy never reached trains to the cap");
    }

    @Test
    void sameSeedGivesSameWeights() {
        TrainingConfig config = new TrainingConfig(1, 50, 1e-3f, 9, 0);
        String a = TrainingRun.trainAndSave(Architecture.LENET5, train, test, config, dir.resolve("a"), ProgressListener.NONE)
                .provenance().weightsSha256();
        String b = TrainingRun.trainAndSave(Architecture.LENET5, train, test, config, dir.resolve("b"), ProgressListener.NONE)
                .provenance().weightsSha256();
        assertEquals(a, b);
    }

    @Test
    void damagedOrForeignModelDirectoriesAreRefused() throws IOException {
        Path model = dir.resolve("m");
        TrainingRun.trainAndSave(Architecture.MLP, train, test, new TrainingConfig(1, 64, 1e-3f, 1, 0), model, ProgressListener.NONE);
        Path weights = model.resolve(ModelStore.WEIGHTS_FILE);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 3] ^= 0x55;
        Files.write(weights, bytes);
        InputException changed = assertThrows(InputException.class, () -> ModelLoader.load(model, null));
        assertTrue(changed.getMessage().contains("does not match"), changed.getMessage());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        InputException notModel = assertThrows(InputException.class, () -> ModelLoader.load(empty, null));
        assertTrue(notModel.getMessage().contains("provenance.json"), notModel.getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "hi");
        InputException notModelFile = assertThrows(InputException.class, () -> ModelLoader.load(text, null));
        assertTrue(notModelFile.getMessage().contains("not a model"), notModelFile.getMessage());
        assertThrows(InputException.class, () -> ModelLoader.load(dir.resolve("missing"), null));
        Path escaping = dir.resolve("escaping");
        TrainingRun.trainAndSave(Architecture.MLP, train, test, new TrainingConfig(1, 64, 1e-3f, 1, 0), escaping, ProgressListener.NONE);
        Path provenance = escaping.resolve(ModelProvenance.FILE_NAME);
        Files.writeString(provenance, Files.readString(provenance).replace("\"model-0000.params\"", "\"../../../etc/hostname\""));
        InputException outside = assertThrows(InputException.class, () -> ModelLoader.load(escaping, null));
        assertTrue(outside.getMessage().contains("inside the model directory"), outside.getMessage());
        Files.writeString(provenance, "null");
        InputException nullFile = assertThrows(InputException.class, () -> ModelLoader.load(escaping, null));
        assertTrue(nullFile.getMessage().contains("null"), nullFile.getMessage());
        InputException refuse = assertThrows(InputException.class, () -> ModelStore.save((ai.djl.Model) null, null, dir));
        assertTrue(refuse.getMessage().contains("refusing"), refuse.getMessage());
    }

    @Test
    void fineTuningStartsFromTheParentAndRecordsIt() {
        Path parent = dir.resolve("parent");
        TrainingRun.trainAndSave(Architecture.MLP, train, test, new TrainingConfig(2, 32, 1e-3f, 1, 0), parent, ProgressListener.NONE);
        TrainingRun.Outcome tuned = TrainingRun.fineTuneAndSave(parent, train, test, new TrainingConfig(1, 32, 1e-5f, 2, 64),
                dir.resolve("child"), ProgressListener.NONE);
        assertEquals(parent.toString(), tuned.provenance().parent());
        assertEquals(64, tuned.training().images());
        try (DjlClassifier a = ModelLoader.load(parent, null); DjlClassifier b = ModelLoader.load(dir.resolve("child"), null);
                NDManager manager = NDManager.newBaseManager()) {
            NDArray x = test.images(manager, new int[] {0, 1, 2, 3, 4});
            float[] za = a.predictLogits(x).toFloatArray();
            float[] zb = b.predictLogits(x).toFloatArray();
            double diff = 0;
            for (int i = 0; i < za.length; i++) {
                diff = Math.max(diff, Math.abs(za[i] - zb[i]));
            }
            assertTrue(diff > 0 && diff < 1.0, "a tiny learning rate moves the logits a little: " + diff);
            float[] images = x.toFloatArray();
            int n = (int) x.getShape().get(0);
            assertArrayEquals(a.predictLabels(images, n), b.predictLabels(images, n));
        }
    }
}
