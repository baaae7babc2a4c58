package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.DatasetSource;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import java.util.Map;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Time IPGuard extraction in one process: one warm-up run, then --repeat timed runs (seeds differ).")
final class BenchExtractCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "target model")
    Path model;

    @Option(names = "--n", defaultValue = "100")
    int n;

    @Option(names = "--k", defaultValue = "3")
    float k;

    @Option(names = "--lr", defaultValue = "0.01")
    float learningRate;

    @Option(names = "--max-iter", defaultValue = "1000")
    int maxIterations;

    @Option(names = "--repeat", defaultValue = "5", description = "timed runs (default ${DEFAULT-VALUE})")
    int repeat;

    @Mixin
    DataOptions data;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        if (repeat <= 0 || n <= 0) {
            throw new InputException("--repeat and --n must be > 0");
        }
        DatasetSource source = data.source();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("k", k);
        parameters.put("lr", learningRate);
        parameters.put("maxIter", maxIterations);
        parameters.put("n", n);
        Scheme<?> ipGuard = Schemes.create("ipguard", parameters, "bench extract");
        double[] seconds = new double[repeat];
        int converged = 0;
        double iterations = 0;
        try (DjlClassifier target = ModelLoader.load(model, source.spec())) {
            SeedSource seeds = SeedSource.fromData(source.train());
            // the warm-up run also checks the target's gradients once; the timed runs measure extraction alone
            io.modelprint.gradient.GradientCheck checks = new io.modelprint.gradient.GradientCheck();
            FingerprintExtractor.extract(target, model.toString(), ipGuard, seeds, -1, ProgressListener.NONE, checks);
            for (int r = 0; r < repeat; r++) {
                FingerprintExtractor.Result result = FingerprintExtractor.extract(target, model.toString(), ipGuard, seeds, r,
                        ProgressListener.NONE, checks);
                seconds[r] = result.seconds();
                converged += result.generated().convergedCount();
                iterations += result.generated().meanIterations();
                System.err.printf("bench extract: run %d/%d %.3f s%n", r + 1, repeat, seconds[r]);
            }
        }
        Timings t = Timings.of(seconds);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", model.toString());
        doc.put("n", n);
        doc.put("repeat", repeat);
        doc.put("medianSeconds", t.median());
        doc.put("minSeconds", t.min());
        doc.put("maxSeconds", t.max());
        doc.put("meanConverged", (double) converged / repeat);
        doc.put("meanIterations", iterations / repeat);
        if (format.json()) {
            JsonOutput.print(doc);
        } else {
            System.out.printf("ipguard extraction of %d points (k=%s, lr=%s): median %.3f s (min %.3f, max %.3f) over %d runs;"
                    + " %.1f converged, %.1f iterations on average%n", n, k, learningRate, t.median(), t.min(), t.max(),
                    repeat, (double) converged / repeat, iterations / repeat);
        }
        return ExitCode.OK;
    }
}
