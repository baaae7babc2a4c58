package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.lab.zoo.ZooEntry;
import io.modelprint.scheme.Answers;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.scheme.Schemes;
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
 * Every scheme on a zoo, reported the way the field does (QuRD): per family of positives, AUC and
 * TPR at 1 % and 5 % FPR against the negatives, with access, queries per suspect and seconds to
 * fingerprint; and TPR at 5 % FPR against the query budget. Each run is cached under
 * {@code out/cache} keyed by the run and the zoo, so an interrupted bench resumes.
 */
public final class SchemeComparison {
    private final Path zooDir;
    private final Path outDir;
    private final PrintStream log;
    /** The target's input gradients are checked once for all runs. */
    private final io.modelprint.fingerprint.GradientCheck checks = new io.modelprint.fingerprint.GradientCheck();

    private EvasiveServing serving = EvasiveServing.IN_PROCESS;

    /** How the zoo's evasive suspects are reached (default: the defense applied in process, without HTTP). */
    public SchemeComparison servedBy(EvasiveServing value) {
        this.serving = value;
        return this;
    }

    public SchemeComparison(Path zooDir, Path outDir, PrintStream log) {
        this.zooDir = zooDir;
        this.outDir = outDir;
        this.log = log;
    }

    public List<SchemeResult> run(List<SchemeRun> runs, ImageDataset train, ImageDataset test, ProgressListener progress) {
        List<SchemeResult> results = new ArrayList<>();
        try (LoadedZoo zoo = new LoadedZoo(zooDir, train.spec(), serving)) {
            String checksum = zoo.manifest().entriesSha256();
            for (int i = 0; i < runs.size(); i++) {
                SchemeRun run = runs.get(i);
                Path cache = outDir.resolve("cache").resolve("scheme-" + run.key() + ".json");
                SchemeResult cached = ResultCache.read(cache, checksum, run, SchemeRun.class, SchemeResult.class);
                if (cached != null) {
                    results.add(cached);
                    continue;
                }
                SchemeResult result = evaluate(run, zoo, train, test, progress);
                ResultCache.write(cache, checksum, run, result);
                results.add(result);
                if (result.error() != null) {
                    log.printf("bench: [%d/%d] scheme %s n=%d cannot fingerprint this target: %s%n", i + 1, runs.size(),
                            run.scheme(), run.n(), result.error());
                } else {
                    log.printf("bench: [%d/%d] scheme %s, %d queries: AUC %.3f over all positives (%s), %.2f s to fingerprint%n",
                            i + 1, runs.size(), run.scheme(), result.queries(), result.allPositives().auc(), familySummary(result),
                            result.seconds());
                }
            }
        }
        return results;
    }

    private static String familySummary(SchemeResult result) {
        StringBuilder s = new StringBuilder();
        for (FamilyScore f : result.families()) {
            s.append(s.length() == 0 ? "" : ", ").append(f.family()).append(String.format(" TPR@5%% %.2f", f.tprAt5Fpr()));
        }
        return s.toString();
    }

    private SchemeResult evaluate(SchemeRun run, LoadedZoo zoo, ImageDataset train, ImageDataset test, ProgressListener progress) {
        DjlClassifier target = zoo.target();
        SchemeFactory factory = Schemes.require(run.scheme(), "bench");
        Map<String, Object> given = new LinkedHashMap<>(run.parameters());
        given.put("n", run.n());
        Scheme<?> scheme = factory.create(new SchemeParameters(given));
        SeedSource seeds = SeedSource.fromData(factory.defaultSplit().equals("test") ? test : train);
        FingerprintExtractor.Result extracted;
        try {
            extracted = FingerprintExtractor.extract(target, "target", scheme, seeds, run.n(), 0, progress, checks);
        } catch (InputException e) {
            return SchemeResult.failed(run, e.getMessage());
        }
        Fingerprint fingerprint = extracted.fingerprint();
        FingerprintFile.write(outDir.resolve("fingerprints").resolve("scheme-" + run.key() + ".npz"), fingerprint);
        Map<String, Double> similarities = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (ZooEntry suspect : zoo.suspects()) {
            try {
                Answers answers = Verifier.answers(fingerprint, scheme, zoo.suspect(suspect.name()));
                similarities.put(suspect.name(), scheme.similarity(fingerprint.answers(), answers));
            } catch (InputException e) {
                skipped.put(suspect.name(), e.getMessage());
            }
        }
        FamilyScores scores = FamilyScores.of(zoo.suspects(), similarities);
        return new SchemeResult(run, scheme.suspectAccess().label(), fingerprint.size(), extracted.seconds(), scores.negatives(),
                scores.families(), scores.allPositives(), similarities, skipped, null);
    }
}
