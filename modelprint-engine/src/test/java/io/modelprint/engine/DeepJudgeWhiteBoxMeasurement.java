package io.modelprint.engine;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.engine.testing.TinyLeNets;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.testing.SyntheticData;
import io.modelprint.verify.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind docs/schemes.md's deepjudge-wb costs (a measurement, not a test: surefire's patterns do
 * not pick it up; run it with {@code mvn test -Dtest=DeepJudgeWhiteBoxMeasurement}). The quick zoo's VGG on
 * 28 x 28 band images (10 classes): extraction and verification seconds at the defaults (n 100, layer 1, maxIter 100)
 * and at layer 2 (its last convolution), and the similarity of a fine-tuned copy and of an independent VGG.
 */
class DeepJudgeWhiteBoxMeasurement {
    private static final int CLASSES = 10;

    @Test
    void measure() throws Exception {
        Path dir = Files.createTempDirectory("deepjudge-wb-measurement");
        ImageDataset train = SyntheticData.bands(1000, CLASSES, 28, 28, 1);
        Path target = TinyLeNets.train(Architecture.VGG, dir, train, CLASSES, 3, "target");
        Path independent = TinyLeNets.train(Architecture.VGG, dir, train, CLASSES, 4, "independent");
        for (Map<String, Object> params : java.util.List.<Map<String, Object>>of(Map.of(), Map.of("layer", 2))) {
            Fingerprint fingerprint;
            try (DjlClassifier model = ModelLoader.load(target, train.spec())) {
                long start = System.nanoTime();
                fingerprint = FingerprintExtractor.extract(model, "target", Schemes.create("deepjudge-wb", params, "measure"),
                        SeedSource.fromData(train), 0, ProgressListener.NONE).fingerprint();
                System.out.printf("deepjudge-wb %s: extraction %.1f s, %s of %d converged, %d units%n", params,
                        (System.nanoTime() - start) / 1e9, fingerprint.meta().stats().get("converged"), fingerprint.size(),
                        fingerprint.activations().units());
            }
            try (DjlClassifier tuned = ModelLoader.load(target, train.spec())) {
                ModelTrainer.fit(tuned.model(), SyntheticData.bands(500, CLASSES, 28, 28, 5), new TrainingConfig(1, 32, 1e-3f, 6, 0),
                        ProgressListener.NONE);
                report("fine-tuned copy", fingerprint, tuned);
            }
            try (DjlClassifier other = ModelLoader.load(independent, train.spec())) {
                report("independent VGG", fingerprint, other);
            }
        }
    }

    private static void report(String name, Fingerprint fingerprint, DjlClassifier suspect) {
        long start = System.nanoTime();
        double similarity = new Verifier((Double) null).verify(fingerprint, suspect).similarity();
        System.out.printf("  %s: similarity %.3f, verify %.2f s%n", name, similarity, (System.nanoTime() - start) / 1e9);
    }
}
