package io.modelprint.lab.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.gradient.GradientCheck;
import io.modelprint.lab.evasive.EvasiveServing;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.scheme.boundary.SeedSelection;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs on a zoo, each a scheme made through {@code Schemes}: the paper's Table-4 sweeps scored by
 * ARUC, and the scheme comparison scored per suspect family. For every run: its result from
 * {@code out/cache} (keyed by the run and the zoo), else its fingerprint of the target from
 * {@code out/fingerprints} (keyed by the run and the target) or made now; then the suspects are
 * loaded one at a time, each asked every fingerprint still to score, and the runs are scored. An
 * interrupted run resumes from what the caches hold.
 */
public final class Evaluation {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path zooDir;
    private final Path outDir;
    private final PrintStream log;
    /** The target's input gradients are checked once for all runs. */
    private final GradientCheck checks = new GradientCheck();

    private EvasiveServing serving = EvasiveServing.IN_PROCESS;
    private FleetSplit fleet;

    public Evaluation(Path zooDir, Path outDir, PrintStream log) {
        this.zooDir = zooDir;
        this.outDir = outDir;
        this.log = log;
    }

    /** The owner's fleet, split for cross-fitting: fleet-selected schemes choose their queries with it. */
    public Evaluation withFleet(FleetSplit split) {
        this.fleet = split;
        return this;
    }

    /** Every verdict run: fingerprinted with the fleet, calibrated on its held-out references, verdicts at {@code alpha}. */
    public List<VerdictResult> verdicts(List<VerdictRun> runs, double alpha, ImageDataset train, ImageDataset test,
            ProgressListener progress) {
        if (fleet == null) {
            throw new IllegalStateException("verdicts need the owner's fleet: withFleet(split) first");
        }
        try (LoadedZoo zoo = new LoadedZoo(zooDir, train, serving)) {
            fleet.fleet().requireCompatible(zoo.target().inputSpec(), zoo.target().numClasses(), "the zoo's target");
            return run(zoo, runs, new VerdictScorer(fleet, alpha, log), train, test, progress);
        }
    }

    /** How the zoo's evasive suspects are reached (default: the defense applied in process, without HTTP). */
    public Evaluation servedBy(EvasiveServing value) {
        this.serving = value;
        return this;
    }

    /** The paper's Table 4: every point of the preset's sweeps, scored by ARUC. */
    public EvaluationResults run(EvaluationPreset preset, ImageDataset train, ImageDataset test, ProgressListener progress) {
        try (LoadedZoo zoo = new LoadedZoo(zooDir, train, serving)) {
            return new EvaluationResults(preset.name(), zoo.manifest(), run(zoo, preset.points(), new ArucScorer(), train, test, progress));
        }
    }

    /** Every scheme run, scored per suspect family (one result per run, in order). */
    public List<SchemeResult> run(List<SchemeRun> runs, ImageDataset train, ImageDataset test, ProgressListener progress) {
        try (LoadedZoo zoo = new LoadedZoo(zooDir, train, serving)) {
            return run(zoo, runs, new FamilyScorer(), train, test, progress);
        }
    }

    private <K extends ZooRun, R> List<R> run(LoadedZoo zoo, List<K> runs, Scorer<K, R> scorer, ImageDataset train, ImageDataset test,
            ProgressListener progress) {
        String checksum = zoo.manifest().entriesSha256();
        Map<K, R> done = new LinkedHashMap<>();
        Map<K, Scorer.Made> pending = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            K run = runs.get(i);
            Path cacheFile = outDir.resolve("cache").resolve(run.fileName() + ".json");
            R cached = ResultCache.read(cacheFile, checksum, run, scorer.runType(), scorer.resultType());
            if (cached != null) {
                done.put(run, cached);
                continue;
            }
            Scheme<?> scheme = Schemes.create(run.scheme(), run.schemeParameters(), "bench");
            try {
                ExtractionCache.Extracted extracted = ExtractionCache.getOrExtract(
                        outDir.resolve("fingerprints").resolve(run.fileName() + ".npz"), run.parameterValues(), zoo.targetSha256(),
                        () -> FingerprintExtractor.extract(zoo.target(), "target", scheme, seeds(run, zoo, train, test), 0,
                                fleet, progress, checks));
                // the fingerprint's own scheme: a fleet-selected one carries the selection (rates, verifier) it scores with
                pending.put(run, new Scorer.Made(extracted.fingerprint().scheme(), extracted));
                log.printf("bench: [%d/%d] %s%n", i + 1, runs.size(), scorer.extracted(run, extracted));
            } catch (InputException e) {
                R failed = scorer.cannotFingerprint(run, e);
                ResultCache.write(cacheFile, checksum, run, failed);
                done.put(run, failed);
                log.printf("bench: [%d/%d] scheme %s n=%d cannot fingerprint this target: %s%n", i + 1, runs.size(), run.scheme(),
                        run.n(), e.getMessage());
            }
        }
        if (!pending.isEmpty()) {
            List<ZooEntry> suspects = scorer.suspects(zoo);
            log.printf("bench: %s%n", scorer.asking(suspects.size(), pending.size()));
            Map<K, Scorer.Asked> asked = askAll(zoo, suspects, pending, progress);
            pending.forEach((run, made) -> {
                R result = scorer.score(run, made, asked.get(run), suspects);
                ResultCache.write(outDir.resolve("cache").resolve(run.fileName() + ".json"), checksum, run, result);
                done.put(run, result);
                log.printf("bench: %s%n", scorer.scored(run, result));
            });
        }
        return runs.stream().map(done::get).toList();
    }


    /**
     * Where a run's queries start: uniform random images when it asks for random initialization,
     * else images of the split its scheme draws from (the training split unless it says test).
     */
    private static SeedSource seeds(ZooRun run, LoadedZoo zoo, ImageDataset train, ImageDataset test) {
        Object init = run.schemeParameters().get("init");
        if (init != null && SeedSelection.Init.parse(init.toString()) == SeedSelection.Init.RANDOM) {
            return SeedSource.uniform(zoo.target().inputSpec());
        }
        return SeedSource.fromData(Schemes.require(run.scheme(), "bench").defaultSplit().equals("test") ? test : train);
    }

    /** Every suspect, loaded once, asked every fingerprint still to score. */
    private <K> Map<K, Scorer.Asked> askAll(LoadedZoo zoo, List<ZooEntry> suspects, Map<K, Scorer.Made> pending,
            ProgressListener progress) {
        Map<K, Scorer.Asked> asked = new LinkedHashMap<>();
        pending.keySet().forEach(run -> asked.put(run, new Scorer.Asked(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>())));
        zoo.forEachSuspect(suspects, (suspect, model) -> pending.forEach((run, made) -> SuspectQuestion.ask(asked.get(run),
                suspect.name(), made.extracted().fingerprint(), made.scheme(), model)), progress);
        return asked;
    }
}
