package io.modelprint.engine;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.testing.Tamperings;
import io.modelprint.engine.testing.TinyLeNets;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Answers;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.scheme.ssf.WeightSensitivity;
import io.modelprint.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The measurement behind docs/schemes.md's ssf numbers (a measurement, not a test: surefire's patterns do not
 * pick it up; run it with {@code mvn test -Dtest=SsfMeasurement}). A tiny LeNet-5 on 12 x 12 band images:
 * extraction seconds, the samples' sensitivity against data images', and per suspect the largest and
 * smallest relative score difference over the samples (ssf) and the share of flipped labels (ssf-hard).
 */
class SsfMeasurement {
    private static final int CLASSES = 4;
    private static final int SAMPLES = 64;

    @Test
    void measure() throws Exception {
        Path dir = Files.createTempDirectory("ssf-measurement");
        ImageDataset train = SyntheticData.bands(240, CLASSES, 12, 12, 1);
        Path target = TinyLeNets.train(dir, train, CLASSES, 3, "target");
        Fingerprint ssf;
        Fingerprint hard;
        try (DjlClassifier model = ModelLoader.load(target, train.spec())) {
            ssf = extract(model, train, "ssf");
            hard = extract(model, train, "ssf-hard");
            WeightSensitivity sensitivity = new WeightSensitivity(model, 0.01f, 16);
            float[] samples = sensitivity.measure(ssf.queries().values(), SAMPLES, 1L << 50);
            float[] data = sensitivity.measure(SeedSource.fromData(train).draw(SAMPLES, new Random(99)), SAMPLES, 1L << 50);
            System.out.printf("sensitivity (16 fresh perturbations): samples median %.4g, data images median %.4g%n", median(samples),
                    median(data));
            Path onnx = dir.resolve("target.onnx");
            Files.write(onnx, OnnxExport.export(model.model(), train.spec(), CLASSES));
            try (Classifier exported = ModelLoader.loadClassifier(onnx, train.spec())) {
                report("ONNX export", ssf, hard, exported);
            }
        }
        try (DjlClassifier reloaded = ModelLoader.load(target, train.spec())) {
            report("reloaded", ssf, hard, reloaded);
        }
        for (var tampering : Tamperings.all(CLASSES).entrySet()) {
            try (DjlClassifier copy = ModelLoader.load(target, train.spec())) {
                tampering.getValue().accept(copy.model());
                report(tampering.getKey(), ssf, hard, copy);
            }
        }
        try (DjlClassifier other = ModelLoader.load(TinyLeNets.train(dir, train, CLASSES, 4, "independent"), train.spec())) {
            report("independent", ssf, hard, other);
        }
    }

    private static void report(String name, Fingerprint ssf, Fingerprint hard, Classifier suspect) {
        float[] stored = ssf.answers().scores();
        float[] asked = Answers.ask(suspect, ssf.queries(), Access.SCORES).scores();
        double[] diff = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double scale = 1;
            for (int c = 0; c < CLASSES; c++) {
                scale = Math.max(scale, Math.abs(stored[i * CLASSES + c]));
                diff[i] = Math.max(diff[i], Math.abs(asked[i * CLASSES + c] - stored[i * CLASSES + c]));
            }
            diff[i] /= scale;
        }
        long[] labels = Answers.ask(suspect, hard.queries(), Access.LABELS).labels();
        int flipped = 0;
        for (int i = 0; i < SAMPLES; i++) {
            flipped += labels[i] != hard.answers().labels()[i] ? 1 : 0;
        }
        System.out.printf("%-32s ssf max %.3g min %.3g; ssf-hard %d of %d labels flipped%n", name,
                Arrays.stream(diff).max().orElse(0), Arrays.stream(diff).min().orElse(0), flipped, SAMPLES);
    }

    private static Fingerprint extract(DjlClassifier target, ImageDataset train, String scheme) {
        var result = FingerprintExtractor.extract(target, "target", Schemes.create(scheme, Map.of("n", SAMPLES), "measurement"),
                SeedSource.fromData(train), 0, ProgressListener.NONE);
        System.out.printf("%s: %d samples in %.1f s, %d converged%n", scheme, SAMPLES, result.seconds(),
                result.generated().convergedCount());
        return result.fingerprint();
    }

    private static float median(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
