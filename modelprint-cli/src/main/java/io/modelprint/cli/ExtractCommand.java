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
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract a fingerprint from a target model with a scheme (--method).",
            "Schemes: ipguard, cw-l2, fgsm, igsm, random (boundary points, labels, matching rate); akh (the target's"
                    + " mistakes, label-only); sac-w, sac-m (+ -hard label-only variants: sample correlation); modeldiff"
                    + " (decision distance vectors, scores); zest (LIME explanations, scores; --n reference images x"
                    + " masks queries). Parameters of any scheme: --param NAME=VALUE (docs/schemes.md)."})
final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "target: a modelprint model directory or a TorchScript .pt file")
    Path model;

    @Option(names = "--method", defaultValue = "ipguard", completionCandidates = SchemeNames.class,
            description = "scheme: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--n", defaultValue = "100", description = "number of queries (zest: reference images) (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--k", description = "ipguard/cw-l2 margin: logit lead of the target label (default 3)")
    Float k;

    @Option(names = "--lr", description = "ipguard/cw-l2: Adam learning rate on the input (default 0.01 / 0.05)")
    Float learningRate;

    @Option(names = "--max-iter", description = "ipguard/igsm/cw-l2: iteration limit per point (default 1000 / 1000 / 150)")
    Integer maxIterations;

    @Option(names = "--init", description = "boundary schemes: seed points from data (training images, T) or random (uniform, R); default data")
    String init;

    @Option(names = "--label", description = "boundary schemes: target label least-likely (L) or random (R); default least-likely")
    String label;

    @Option(names = "--no-clip", description = "ipguard: do not clip points to the input range after each step")
    boolean noClip;

    @Option(names = "--split", description = "data split queries start from: train or test (default: the scheme's; test for"
            + " akh, sac, modeldiff, zest, train for the boundary schemes)")
    String split;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "any scheme parameter, e.g. --param epsilon=0.03"
            + " (modeldiff), --param masks=100 (zest), --param box=0.3 (sac-m)")
    Map<String, String> extra = new LinkedHashMap<>();

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
        SchemeFactory factory = Schemes.require(method, "--method");
        Scheme<?> scheme = scheme(factory);
        String seedSplit = split != null ? split : factory.defaultSplit();
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
            boolean uniform = "random".equals(init) || "r".equalsIgnoreCase(String.valueOf(init));
            SeedSource seeds = uniform ? SeedSource.uniform(pixels)
                    : SeedSource.fromData(seedSplit.equals("test") ? source.test() : source.train());
            try (Progress progress = Progress.start("extract")) {
                result = FingerprintExtractor.extract(target, model.toString(), scheme, seeds, n, seed, progress);
            }
        }
        FingerprintFile.write(out, result.fingerprint());
        report(result);
        return ExitCode.OK;
    }

    /** The scheme with the parameters given on the command line (the rest take the scheme's defaults). */
    private Scheme<?> scheme(SchemeFactory factory) {
        if (n <= 0) {
            throw new InputException("--n must be > 0, got " + n);
        }
        if (split != null && !split.equals("train") && !split.equals("test")) {
            throw new InputException("--split must be train or test, got '" + split + "'");
        }
        if (k != null && (!(k >= 0) || Float.isInfinite(k))) {
            throw new InputException("--k must be a finite number >= 0, got " + k);
        }
        if (learningRate != null && (!(learningRate > 0) || Float.isInfinite(learningRate))) {
            throw new InputException("--lr must be > 0, got " + learningRate);
        }
        if (maxIterations != null && maxIterations < 0) {
            throw new InputException("--max-iter must be >= 0, got " + maxIterations);
        }
        try {
            if (init != null) {
                io.modelprint.fingerprint.SeedSelection.Init.parse(init);
            }
            if (label != null) {
                io.modelprint.fingerprint.SeedSelection.TargetLabel.parse(label);
            }
        } catch (IllegalArgumentException e) {
            throw new InputException((init != null && e.getMessage().startsWith("init") ? "--init: " : "--label: ") + e.getMessage());
        }
        Map<String, Object> given = new LinkedHashMap<>(extra);
        putIfSet(given, "k", k);
        putIfSet(given, "lr", learningRate);
        putIfSet(given, "maxIter", maxIterations);
        putIfSet(given, "init", init);
        putIfSet(given, "label", label);
        if (noClip) {
            given.put("clip", false);
        }
        given.put("n", n);
        try {
            return factory.create(new SchemeParameters(given));
        } catch (IllegalArgumentException e) {
            throw new InputException("--method " + method + ": " + e.getMessage());
        }
    }

    private static void putIfSet(Map<String, Object> given, String name, Object value) {
        if (value != null) {
            given.put(name, value);
        }
    }

    private void report(FingerprintExtractor.Result result) {
        var generated = result.generated();
        int queries = result.fingerprint().size();
        if (format == OutputFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("output", out.toString());
            doc.put("method", method);
            doc.put("n", n);
            doc.put("queries", queries);
            doc.put("access", result.fingerprint().meta().access());
            doc.put("converged", generated.convergedCount());
            doc.put("meanIterations", generated.meanIterations());
            doc.put("maxIterations", generated.maxIterations());
            doc.put("seconds", result.seconds());
            doc.put("params", result.fingerprint().meta().parameters());
            JsonOutput.print(doc);
        } else {
            System.out.printf("extracted %d %s queries in %.2f s: %d/%d converged, %.1f iterations on average (max %d);"
                    + " suspects must give %s -> %s%n", queries, method, result.seconds(), generated.convergedCount(), queries,
                    generated.meanIterations(), generated.maxIterations(), result.fingerprint().meta().access(), out);
        }
    }
}
