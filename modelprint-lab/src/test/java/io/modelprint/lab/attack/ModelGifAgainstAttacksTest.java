package io.modelprint.lab.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.SyntheticData;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ModelGiF on the zoo's own attacks: a fine-tuned copy against independent models; a label-extracted student is
 * printed beside them (on these bands it learns the task as an independent model does, so no order is asserted).
 */
class ModelGifAgainstAttacksTest {
    @TempDir
    Path dir;

    private final ImageDataset train = SyntheticData.bands(300, 4, 12, 12, 1);
    private final ImageDataset other = SyntheticData.bands(300, 4, 12, 12, 5);
    private final ImageDataset test = SyntheticData.bands(200, 4, 12, 12, 2);

    private Path trained(String name, Architecture arch, long seed) {
        Path out = dir.resolve(name);
        TrainingRun.trainAndSave(arch, train, test, new TrainingConfig(2, 32, 1e-3f, seed, 0), out, ProgressListener.NONE);
        return out;
    }

    private Path labelStudent(Path target, long seed) {
        Path out = dir.resolve("label-student");
        try (DjlClassifier teacher = ModelLoader.load(target, null)) {
            EngineSetup.seed(seed);
            try (Model student = ModelLoader.newModel(Architecture.VGG, train.spec(), 4, "label-student")) {
                TrainingConfig config = new TrainingConfig(4, 32, 1e-3f, seed, 0);
                ModelTrainer.Result result = new Distillation(Distillation.Access.LABELS, 600, 0.1f).apply(student, teacher, other,
                        config, ProgressListener.NONE);
                TrainingRun.save(student, Architecture.VGG, other, test, config, result, out, target.toString(), Map.of());
            }
        }
        return out;
    }

    private static double similarity(Fingerprint fingerprint, Path suspect) {
        try (DjlClassifier model = ModelLoader.load(suspect, null)) {
            Scheme<?> scheme = fingerprint.scheme();
            return scheme.similarity(fingerprint.answers(), Verifier.answers(fingerprint, scheme, model));
        }
    }

    @Test
    void aFineTunedCopyIsFarCloserThanIndependentModelsOfEitherArchitecture() {
        Path target = trained("target", Architecture.VGG, 1);
        Path ftal = dir.resolve("ftal");
        TrainingRun.fineTuneAndSave(target, other, test, new TrainingConfig(1, 32, 1e-4f, 9, 0), ftal, ProgressListener.NONE);
        Path student = labelStudent(target, 11);
        Path vgg = trained("vgg-2", Architecture.VGG, 2);
        Path lenet = trained("lenet-4", Architecture.LENET5, 4);
        Fingerprint fingerprint;
        try (DjlClassifier model = ModelLoader.load(target, null)) {
            fingerprint = FingerprintExtractor.extract(model, "target", Schemes.create("modelgif", Map.of("n", 64), "test"),
                    SeedSource.fromData(test), 3, ProgressListener.NONE).fingerprint();
        }
        double copy = similarity(fingerprint, ftal);
        double independent = Math.max(similarity(fingerprint, vgg), similarity(fingerprint, lenet));
        System.out.printf("modelgif: FTAL %.4f, label student %.4f, independent VGG %.4f, LeNet %.4f%n", copy,
                similarity(fingerprint, student), similarity(fingerprint, vgg), similarity(fingerprint, lenet));
        assertEquals(1, similarity(fingerprint, target), 1e-4, "the target is itself");
        assertTrue(copy > independent + 0.3, "FTAL " + copy + ", independent " + independent);
    }
}
