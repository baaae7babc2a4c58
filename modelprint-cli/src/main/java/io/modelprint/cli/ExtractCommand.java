package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.DatasetSource;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.data.InputSpec;
import io.modelprint.data.SpecConversion;
import io.modelprint.engine.ModelLoader;
import io.modelprint.model.ConvertedDifferentiable;
import io.modelprint.model.Differentiable;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fingerprint.IpGuard;
import io.modelprint.fingerprint.SeedSelection;
import io.modelprint.scheme.SeedSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract a fingerprint from a target model.",
            "IPGuard finds points near the target's classification boundary (paper eq. 5) with Adam;"
                    + " values are clipped to the input range after every step unless --no-clip."})
final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "target: a modelprint model directory or a TorchScript .pt file")
    Path model;

    @Option(names = "--method", defaultValue = "ipguard", description = "fingerprinting method (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--n", defaultValue = "100", description = "number of fingerprint points (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--k", defaultValue = "3", description = "IPGuard margin: logit lead of the target label (default ${DEFAULT-VALUE})")
    float k;

    @Option(names = "--lr", defaultValue = "0.01", description = "Adam learning rate on the input (default ${DEFAULT-VALUE})")
    float learningRate;

    @Option(names = "--max-iter", defaultValue = "1000", description = "iteration limit per point (default ${DEFAULT-VALUE})")
    int maxIterations;

    @Option(names = "--init", defaultValue = "data", description = "seed points: data (training images, T) or random (uniform, R)")
    String init;

    @Option(names = "--label", defaultValue = "least-likely", description = "target label: least-likely (L) or random (R)")
    String label;

    @Option(names = "--no-clip", description = "do not clip points to the input range after each step")
    boolean noClip;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, description = "fingerprint file to write (.npz)")
    Path out;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    OutputFormat format;

    @Mixin
    InputSpecOptions spec;

    @Option(names = "--resize", description = "resize the data set's images (bilinear) to the target's height and width")
    boolean resize;

    @Override
    public Integer call() {
        validate();
        SeedSelection selection = new SeedSelection(SeedSelection.Init.parse(init), SeedSelection.TargetLabel.parse(label));
        IpGuard generator = new IpGuard(k, learningRate, maxIterations, selection, !noClip);
        DatasetSource source = data.source();
        FingerprintExtractor.Result result;
        InputSpec pixels = source.spec();
        try (DjlClassifier loaded = ModelLoader.load(model, spec.forModel(model, pixels))) {
            Differentiable target = loaded;
            if (!pixels.compatibleWith(loaded.inputSpec())) {
                try {
                    target = new ConvertedDifferentiable(loaded, SpecConversion.between(pixels, loaded.inputSpec(), resize));
                } catch (InputException e) {
                    throw new InputException(model + ": " + e.getMessage(), e);
                }
            }
            SeedSource seeds = selection.init() == SeedSelection.Init.DATA
                    ? SeedSource.fromData(source.train()) : SeedSource.uniform(pixels);
            try (Progress progress = Progress.start("extract")) {
                result = FingerprintExtractor.extract(target, model.toString(), generator, seeds, n, seed, progress);
            }
        }
        FingerprintFile.write(out, result.fingerprint());
        report(result);
        return ExitCode.OK;
    }

    private void validate() {
        if (!method.equals("ipguard")) {
            throw new InputException("--method: unknown method '" + method + "' (available: ipguard)");
        }
        if (n <= 0) {
            throw new InputException("--n must be > 0, got " + n);
        }
        if (!(k >= 0) || Float.isInfinite(k)) {
            throw new InputException("--k must be a finite number >= 0, got " + k);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new InputException("--lr must be > 0, got " + learningRate);
        }
        if (maxIterations < 0) {
            throw new InputException("--max-iter must be >= 0, got " + maxIterations);
        }
        try {
            SeedSelection.Init.parse(init);
        } catch (IllegalArgumentException e) {
            throw new InputException("--init: " + e.getMessage());
        }
        try {
            SeedSelection.TargetLabel.parse(label);
        } catch (IllegalArgumentException e) {
            throw new InputException("--label: " + e.getMessage());
        }
    }

    private void report(FingerprintExtractor.Result result) {
        var generated = result.generated();
        if (format == OutputFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("output", out.toString());
            doc.put("method", method);
            doc.put("n", n);
            doc.put("converged", generated.convergedCount());
            doc.put("meanIterations", generated.meanIterations());
            doc.put("maxIterations", generated.maxIterations());
            doc.put("seconds", result.seconds());
            doc.put("params", result.fingerprint().meta().parameters());
            JsonOutput.print(doc);
        } else {
            System.out.printf("extracted %d %s points in %.2f s: %d/%d converged, %.1f iterations on average (max %d) -> %s%n",
                    n, method, result.seconds(), generated.convergedCount(), n, generated.meanIterations(),
                    generated.maxIterations(), out);
        }
    }
}
