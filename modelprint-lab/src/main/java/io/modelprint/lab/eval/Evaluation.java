package io.modelprint.lab.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.scheme.boundary.SeedSelection;
import io.modelprint.lab.zoo.SuspectFamily;
import io.modelprint.lab.zoo.SuspectGroup;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.metrics.Aruc;
import io.modelprint.metrics.Roc;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.SeedSource;
import io.modelprint.verify.Verifier;
import java.io.PrintStream;
import io.modelprint.lab.evasive.EvasiveServing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper's evaluation on a zoo: for every method configuration, extract a fingerprint from the
 * target, verify every suspect, and score robustness against uniqueness. Each configuration's result
 * is cached under {@code out/cache} keyed by the configuration and the zoo, and each fingerprint
 * under {@code out/fingerprints} keyed by the target, so an interrupted run resumes; the suspects are
 * then loaded one at a time, each verified against every fingerprint still to score.
 */
public final class Evaluation {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final EvaluationPreset preset;
    private final Path zooDir;
    private final Path outDir;
    private final PrintStream log;
    /** The target's input gradients are checked once for all configurations. */
    private final io.modelprint.gradient.GradientCheck checks = new io.modelprint.gradient.GradientCheck();

    private EvasiveServing serving = EvasiveServing.IN_PROCESS;

    /** How the zoo's evasive suspects are reached (default: the defense applied in process, without HTTP). */
    public Evaluation servedBy(EvasiveServing value) {
        this.serving = value;
        return this;
    }

    public Evaluation(EvaluationPreset preset, Path zooDir, Path outDir, PrintStream log) {
        this.preset = preset;
        this.zooDir = zooDir;
        this.outDir = outDir;
        this.log = log;
    }

    public EvaluationResults run(ImageDataset train, ProgressListener progress) {
        List<MethodConfig> configs = preset.configs();
        Map<MethodConfig, MethodResult> done = new LinkedHashMap<>();
        try (LoadedZoo zoo = new LoadedZoo(zooDir, train.spec(), serving)) {
            String checksum = zoo.manifest().entriesSha256();
            Map<MethodConfig, ExtractionCache.Extracted> pending = new LinkedHashMap<>();
            for (int i = 0; i < configs.size(); i++) {
                MethodConfig config = configs.get(i);
                MethodResult cached = ResultCache.read(cacheFile(config), checksum, config, MethodConfig.class, MethodResult.class);
                if (cached != null) {
                    done.put(config, cached);
                    continue;
                }
                ExtractionCache.Extracted extracted = ExtractionCache.getOrExtract(
                        outDir.resolve("fingerprints").resolve(config.key() + ".npz"), config + " queries=" + preset.queries(),
                        zoo.targetSha256(), () -> extract(config, zoo, train, progress));
                pending.put(config, extracted);
                log.printf("bench: [%d/%d] %s %s %s: fingerprint in %.2f s (%d/%d converged)%n", i + 1, configs.size(),
                        config.method(), config.combo(), config.parameter() == null ? "" : config.parameter() + "=" + config.value(),
                        extracted.seconds(), extracted.converged(), preset.queries());
            }
            if (!pending.isEmpty()) {
                Map<MethodConfig, Map<String, Double>> rates = verifyAll(zoo, pending, progress);
                for (Map.Entry<MethodConfig, ExtractionCache.Extracted> entry : pending.entrySet()) {
                    MethodConfig config = entry.getKey();
                    MethodResult result = score(config, entry.getValue(), zoo.sameTaskSuspects(), rates.get(config));
                    ResultCache.write(cacheFile(config), checksum, config, result);
                    done.put(config, result);
                    log.printf("bench: %s %s %s: ARUC %.3f, AUC %.3f, gap %+.2f%n", config.method(), config.combo(),
                            config.parameter() == null ? "" : config.parameter() + "=" + config.value(), result.aruc(), result.auc(),
                            result.gap());
                }
            }
            return new EvaluationResults(preset.name(), zoo.manifest(), configs.stream().map(done::get).toList());
        }
    }

    private Path cacheFile(MethodConfig config) {
        return outDir.resolve("cache").resolve(config.key() + ".json");
    }

    private FingerprintExtractor.Result extract(MethodConfig config, LoadedZoo zoo, ImageDataset train, ProgressListener progress) {
        DjlClassifier target = zoo.target();
        SeedSource seeds = config.selection().init() == SeedSelection.Init.DATA
                ? SeedSource.fromData(train) : SeedSource.uniform(target.inputSpec());
        return FingerprintExtractor.extract(target, "target", io.modelprint.scheme.Scheme.labelMatching(config.method(),
                config.generator(), io.modelprint.scheme.SchemeParameters.none()), seeds, preset.queries(), 0, progress, checks);
    }

    /** Every suspect, loaded once, against every fingerprint still to score: matching rates per configuration. */
    private Map<MethodConfig, Map<String, Double>> verifyAll(LoadedZoo zoo, Map<MethodConfig, ExtractionCache.Extracted> pending,
            ProgressListener progress) {
        // the paper's methods compare labels of the target's task: a transfer-learning copy answers another one
        List<ZooEntry> suspects = zoo.sameTaskSuspects();
        log.printf("bench: verifying %d suspects against %d fingerprints, one suspect at a time%n", suspects.size(), pending.size());
        Verifier verifier = new Verifier(Verifier.DEFAULT_THRESHOLD);
        Map<MethodConfig, Map<String, Double>> rates = new LinkedHashMap<>();
        pending.keySet().forEach(config -> rates.put(config, new LinkedHashMap<>()));
        zoo.forEachSuspect(suspects, (suspect, model) -> pending.forEach((config, extracted) ->
                rates.get(config).put(suspect.name(), verifier.verify(extracted.fingerprint(), model).matchingRate())), progress);
        return rates;
    }

    private static MethodResult score(MethodConfig config, ExtractionCache.Extracted extracted, List<ZooEntry> suspects,
            Map<String, Double> rates) {
        List<Double> positives = new ArrayList<>();
        List<Double> extraction = new ArrayList<>();
        List<Double> negatives = new ArrayList<>();
        for (ZooEntry suspect : suspects) {
            double rate = rates.get(suspect.name());
            // the paper's robustness is over its post-processed copies; the other positive families (e.g.
            // reparametrized copies) are in the rates and in the per-family tables only
            if (suspect.group() == SuspectGroup.POSITIVE && SuspectFamily.PAPER_POSITIVES.contains(SuspectFamily.of(suspect))) {
                positives.add(rate);
            } else if (suspect.group() == SuspectGroup.EXTRACTION) {
                extraction.add(rate);
            } else if (suspect.group() == SuspectGroup.NEGATIVE) {
                negatives.add(rate);
            }
        }
        double[] pos = toArray(positives);
        double[] neg = toArray(negatives);
        return new MethodResult(config.method(), config.combo(),
                config.parameter() == null ? Map.of() : Map.of(config.parameter(), config.value()),
                Aruc.of(pos, neg), Roc.auc(pos, neg), Roc.tprAtFpr(pos, neg, 0.01), Roc.tprAtFpr(pos, neg, 0.05), Roc.gap(pos, neg),
                extraction.isEmpty() ? Double.NaN : Aruc.of(toArray(extraction), neg), extracted.seconds(), extracted.converged(),
                rates);
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

}
