package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.model.Differentiable;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract a fingerprint from a target model with a scheme (--method).",
            "Schemes: ipguard, cw-l2, fgsm, igsm, random (boundary points, labels, matching rate); akh (the target's"
                    + " mistakes, label-only); sac-w, sac-m (+ -hard label-only variants: sample correlation); modeldiff"
                    + " (decision distance vectors, scores); zest (LIME explanations, scores; --n reference images x"
                    + " masks queries); deepfool, ipguard-multipoint (DeepFool points, points where three classes meet;"
                    + " labels); uap (score shifts under a universal adversarial perturbation), deepjudge (RobD and JSD on"
                    + " PGD test cases; scores); weights (no queries and no data: the target's weights, compared with a suspect"
                    + " model directory of the same architecture after weight matching). Parameters of any scheme: --param"
                    + " NAME=VALUE; each scheme's are listed below.",
            "With --fleet DIR (fleet build) the fingerprint is calibrated with the fleet's references held out of query"
                    + " selection, so verify decides by p-value."})
final class ExtractCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "target: a modelprint model directory or a TorchScript .pt file")
    Path model;

    @Option(names = "--method", defaultValue = "ipguard", completionCandidates = SchemeNames.class,
            description = "scheme, or several separated by commas for one bundle file (e.g. akh,sac-w-hard,ipguard):"
                    + " ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--n", description = "number of queries (zest: reference images); default: the scheme's (100; zest 10)")
    Integer n;

    @Option(names = "--k", description = "ipguard/cw-l2 margin: logit lead of the target label (default 3)")
    Float k;

    @Option(names = "--lr", description = "ipguard/cw-l2: Adam learning rate on the input (default 0.01 / 0.05)")
    Float learningRate;

    @Option(names = "--max-iter", description = "ipguard/igsm/cw-l2: iteration limit per point (default 1000 / 1000 / 150)")
    Integer maxIterations;

    @Option(names = "--init", completionCandidates = Choices.Inits.class, description = "boundary schemes: seed points from data (training images, T) or random (uniform over the target's"
            + " input range, R: no data set is read when no scheme needs one); default data")
    String init;

    @Option(names = "--label", completionCandidates = Choices.TargetLabels.class, description = "boundary schemes: target label least-likely (L) or random (R); default least-likely")
    String label;

    @Option(names = "--no-clip", description = "ipguard: do not clip points to the input range after each step")
    boolean noClip;

    @Option(names = "--split", description = "data split queries start from: train or test (default: the scheme's; test for"
            + " akh, sac, modeldiff, zest, deepjudge, train for the boundary schemes and uap)")
    String split;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "any scheme parameter, e.g. --param epsilon=0.03"
            + " (modeldiff), --param masks=100 (zest), --param box=0.3 (sac-m)")
    Map<String, String> extra = new LinkedHashMap<>();

    @Option(names = "--min-converged", defaultValue = "0.5", paramLabel = "FRACTION",
            description = "label-matching schemes (ipguard, baselines): refuse to write a fingerprint when fewer points"
                    + " reached their stopping rule; unconverged points are near-raw images an independent model may well"
                    + " match (default ${DEFAULT-VALUE})")
    double minConverged;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--fleet", paramLabel = "DIR", description = "the owner's fleet (fleet build): fleet-selected schemes choose"
            + " their queries with its surrogates and a third of its references (per kind, by --seed); every scheme is then"
            + " calibrated with the references held out of that choice, so verify decides by p-value (docs/verification.md)")
    Path fleetDir;

    @Mixin
    DataOptions data;

    @Option(names = "--out", required = true, description = "fingerprint file to write (.npz)")
    Path out;

    @Mixin
    FormatOption format;

    @Mixin
    InputSpecOptions spec;

    @Mixin
    SigningOption signing;

    @Option(names = "--resize", description = "resize the data set's images (bilinear) to the target's height and width")
    boolean resize;

    /** Query values an extraction may hold in memory (--n x image size x 4 bytes stays within the 1 GiB a fingerprint file may hold). */
    private static final long MAX_QUERY_VALUES = 1L << 27;

    @Override
    public Integer call() {
        OutputPaths.requireWritable(out, "--out");
        signing.load();
        List<String> names = List.of(method.split(","));
        List<SchemeFactory> factories = new ArrayList<>();
        for (String name : names) {
            SchemeFactory factory = Schemes.require(name.trim(), "--method");
            if (factories.contains(factory)) {
                throw new InputException("--method: " + factory.name() + " is named twice");
            }
            factories.add(factory);
        }
        List<Scheme<?>> schemes = schemes(factories);
        Schemes.requireOneQuestion(schemes, "--method");
        FleetSplit fleetSplit = fleetDir == null ? null : FleetExtraction.split(fleetDir, seed, schemes);
        List<FingerprintExtractor.Result> results = new ArrayList<>();
        io.modelprint.gradient.GradientCheck checks = new io.modelprint.gradient.GradientCheck(); // once for a bundle's schemes
        boolean needsData = schemes.stream().anyMatch(s -> !uniformSeeds(s));
        boolean initRandomHelps = schemes.stream().allMatch(s -> s.parameters().values().containsKey("init"));
        try (ExtractionTarget opened = ExtractionTarget.open(model, spec, data, needsData, initRandomHelps, resize)) {
            InputSpec pixels = opened.pixels();
            requireQueriesFit(schemes, pixels);
            if (fleetSplit != null) {
                fleetSplit.fleet().requireCompatible(opened.loaded().inputSpec(), opened.loaded().numClasses(), model.toString());
                fleetSplit.fleet().requireTarget(opened.loaded().sha256(), model.toString());
                fleetSplit.fleet().requireIntact();
            }
            for (int i = 0; i < schemes.size(); i++) {
                String seedSplit = split != null ? split : factories.get(i).defaultSplit();
                SeedSource seeds = uniformSeeds(schemes.get(i)) ? SeedSource.uniform(pixels)
                        : SeedSource.fromData(seedSplit.equals("test") ? opened.source().test() : opened.source().train());
                try (Progress progress = Progress.start("extract " + schemes.get(i).name())) {
                    // a scheme that reads weights takes the model file as it is, never through a conversion
                    Differentiable target = schemes.get(i).queries().usesSeeds() ? opened.target() : opened.loaded();
                    results.add(FingerprintExtractor.extract(target, model.toString(), schemes.get(i), seeds, seed, fleetSplit,
                            progress, checks));
                }
                ConvergedQueries.require(minConverged, schemes.get(i), results.get(i));
            }
        }
        List<Fingerprint> fingerprints = results.stream().map(FingerprintExtractor.Result::fingerprint).toList();
        if (fleetSplit != null) {
            fingerprints = FleetExtraction.calibrate(fleetSplit, fingerprints, out);
        }
        fingerprints = signing.apply("extract", fingerprints);
        FingerprintFile.writeBundle(out, fingerprints);
        report(results, fingerprints);
        return ExitCode.OK;
    }

    /** Whether the scheme's queries need no data set: uniform random seeds, or no queries at all (weights). */
    private static boolean uniformSeeds(Scheme<?> scheme) {
        return !scheme.queries().usesSeeds() || "random".equals(scheme.parameters().values().get("init"));
    }

    private static void requireQueriesFit(List<Scheme<?>> schemes, InputSpec pixels) {
        for (Scheme<?> scheme : schemes) {
            int count = scheme.parameters().queryCount();
            if ((long) count * pixels.pixelsPerImage() > MAX_QUERY_VALUES) {
                throw new InputException("--n " + count + " x " + pixels.describeShape() + " images is more than one extraction"
                        + " holds (" + MAX_QUERY_VALUES / pixels.pixelsPerImage() + " at most); split it into several fingerprints");
            }
        }
    }

    /**
     * The schemes with the parameters given on the command line, the rest at their declared defaults.
     * In a bundle each member takes the parameters it declares; a parameter no member declares is refused.
     */
    private List<Scheme<?>> schemes(List<SchemeFactory> factories) {
        if (n != null && n <= 0) {
            throw new InputException("--n must be > 0, got " + n);
        }
        if (!(minConverged >= 0 && minConverged <= 1)) {
            throw new InputException("--min-converged must be a fraction in [0,1], got " + minConverged);
        }
        if (split != null && !split.equals("train") && !split.equals("test")) {
            throw new InputException("--split must be train or test, got '" + split + "'");
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
        putIfSet(given, ParameterSpec.N, n);
        for (String name : given.keySet()) {
            if (factories.stream().noneMatch(f -> f.parameters().declares(name))) {
                throw new InputException("--method " + method + ": no scheme named there takes parameter '" + name + "' ("
                        + factories.stream().map(f -> f.name() + ": " + String.join(", ", declaredNames(f))).collect(
                                java.util.stream.Collectors.joining("; ")) + ")");
            }
        }
        List<Scheme<?>> schemes = new ArrayList<>();
        for (SchemeFactory factory : factories) {
            Map<String, Object> own = new LinkedHashMap<>(given);
            own.keySet().retainAll(declaredNames(factory));
            schemes.add(factory.create(own));
        }
        return schemes;
    }

    private static List<String> declaredNames(SchemeFactory factory) {
        return factory.parameters().names();
    }

    private static void putIfSet(Map<String, Object> given, String name, Object value) {
        if (value != null) {
            given.put(name, value);
        }
    }

    /** {@code members}: the schemes of the file written (a bundle's members are decided at verify's alpha / members). */
    private Map<String, Object> summary(FingerprintExtractor.Result result, Fingerprint written, int members) {
        var generated = result.generated();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("output", out.toString());
        doc.put("method", result.fingerprint().meta().scheme());
        doc.put("n", result.fingerprint().meta().parameters().get(ParameterSpec.N));
        doc.put("queries", result.fingerprint().size());
        doc.put("access", result.fingerprint().meta().access());
        doc.put("converged", generated.convergedCount());
        doc.put("meanIterations", generated.meanIterations());
        doc.put("maxIterations", generated.maxIterations());
        doc.put("seconds", result.seconds());
        doc.put("params", result.fingerprint().meta().parameters());
        Optional.ofNullable(result.fingerprint().weights()).ifPresent(w -> doc.put("layers", w.layers().size()));
        if (written.meta().calibration() != null) {
            doc.put("calibration", CalibrateCommand.summary(out.toString(), written, Verifier.DEFAULT_ALPHA, members));
        }
        return doc;
    }

    private void report(List<FingerprintExtractor.Result> results, List<Fingerprint> written) {
        if (format.json()) {
            if (results.size() == 1) {
                JsonOutput.print(summary(results.get(0), written.get(0), 1));
            } else {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("output", out.toString());
                List<Map<String, Object>> members = new ArrayList<>();
                for (int i = 0; i < results.size(); i++) {
                    members.add(summary(results.get(i), written.get(i), results.size()));
                }
                doc.put("members", members);
                JsonOutput.print(doc);
            }
            return;
        }
        for (FingerprintExtractor.Result result : results) {
            var generated = result.generated();
            int queries = result.fingerprint().size();
            if (result.fingerprint().weights() != null) {
                System.out.printf("extracted the target's weights (%d layers): suspects must give weights -> %s%n",
                        result.fingerprint().weights().layers().size(), out);
                continue;
            }
            System.out.printf("extracted %d %s queries in %.2f s: %d/%d converged, %.1f iterations on average (max %d);"
                    + " suspects must give %s -> %s%n", queries, result.fingerprint().meta().scheme(), result.seconds(),
                    generated.convergedCount(), queries, generated.meanIterations(), generated.maxIterations(),
                    result.fingerprint().meta().access(), out);
        }
        for (Fingerprint fingerprint : written) {
            if (fingerprint.meta().calibration() != null) {
                System.out.println(CalibrateCommand.text(CalibrateCommand.summary(out.toString(), fingerprint,
                        Verifier.DEFAULT_ALPHA, written.size())));
            }
        }
    }
}
