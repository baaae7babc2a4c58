package io.modelprint.lab.eval;

import io.modelprint.InputException;
import io.modelprint.data.ImageDataset;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintExtractor;
import io.modelprint.scheme.Answers;
import io.modelprint.ProgressListener;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.Schemes;
import io.modelprint.scheme.SeedSource;
import io.modelprint.verify.Verifier;
import java.io.PrintStream;
import io.modelprint.lab.evasive.EvasiveServing;
import java.nio.file.Path;
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
    private final io.modelprint.gradient.GradientCheck checks = new io.modelprint.gradient.GradientCheck();

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
        Map<SchemeRun, SchemeResult> done = new LinkedHashMap<>();
        try (LoadedZoo zoo = new LoadedZoo(zooDir, train.spec(), serving)) {
            String checksum = zoo.manifest().entriesSha256();
            Map<SchemeRun, Fingerprinted> pending = new LinkedHashMap<>();
            for (int i = 0; i < runs.size(); i++) {
                SchemeRun run = runs.get(i);
                SchemeResult cached = ResultCache.read(cacheFile(run), checksum, run, SchemeRun.class, SchemeResult.class);
                if (cached != null) {
                    done.put(run, cached);
                    continue;
                }
                SchemeFactory factory = Schemes.require(run.scheme(), "bench");
                Map<String, Object> given = new LinkedHashMap<>(run.parameters());
                given.put("n", run.n());
                Scheme<?> scheme = factory.create(given);
                SeedSource seeds = SeedSource.fromData(factory.defaultSplit().equals("test") ? test : train);
                try {
                    ExtractionCache.Extracted extracted = ExtractionCache.getOrExtract(
                            outDir.resolve("fingerprints").resolve("scheme-" + run.key() + ".npz"), "scheme-" + run.key(),
                            zoo.targetSha256(), () -> FingerprintExtractor.extract(zoo.target(), "target", scheme, seeds, run.n(), 0,
                                    progress, checks));
                    pending.put(run, new Fingerprinted(scheme, extracted));
                    log.printf("bench: [%d/%d] scheme %s, %d queries: fingerprint in %.2f s%n", i + 1, runs.size(), run.scheme(),
                            extracted.fingerprint().size(), extracted.seconds());
                } catch (InputException e) {
                    SchemeResult failed = SchemeResult.failed(run, e.getMessage());
                    ResultCache.write(cacheFile(run), checksum, run, failed);
                    done.put(run, failed);
                    log.printf("bench: [%d/%d] scheme %s n=%d cannot fingerprint this target: %s%n", i + 1, runs.size(),
                            run.scheme(), run.n(), e.getMessage());
                }
            }
            if (!pending.isEmpty()) {
                Map<SchemeRun, Asked> asked = askAll(zoo, pending, progress);
                for (Map.Entry<SchemeRun, Fingerprinted> entry : pending.entrySet()) {
                    SchemeRun run = entry.getKey();
                    Fingerprinted made = entry.getValue();
                    Asked answers = asked.get(run);
                    FamilyScores scores = FamilyScores.of(zoo.suspects(), answers.similarities());
                    SchemeResult result = new SchemeResult(run, made.scheme().suspectAccess().label(),
                            made.extracted().fingerprint().size(), made.extracted().seconds(), scores.negatives(), scores.families(),
                            scores.allPositives(), answers.similarities(), answers.skipped(), null);
                    ResultCache.write(cacheFile(run), checksum, run, result);
                    done.put(run, result);
                    log.printf("bench: scheme %s, %d queries: AUC %.3f over all positives (%s)%n", run.scheme(), result.queries(),
                            result.allPositives().auc(), familySummary(result));
                }
            }
        }
        return runs.stream().map(done::get).toList();
    }

    /** A scheme and the fingerprint it made of the target. */
    private record Fingerprinted(Scheme<?> scheme, ExtractionCache.Extracted extracted) {}

    /** Every suspect's similarity to one fingerprint, and the suspects that could not be asked, with why. */
    private record Asked(Map<String, Double> similarities, Map<String, String> skipped) {}

    private Path cacheFile(SchemeRun run) {
        return outDir.resolve("cache").resolve("scheme-" + run.key() + ".json");
    }

    /** Every suspect, loaded once, asked every fingerprint still to score. */
    private Map<SchemeRun, Asked> askAll(LoadedZoo zoo, Map<SchemeRun, Fingerprinted> pending, ProgressListener progress) {
        log.printf("bench: asking %d suspects %d schemes' fingerprints, one suspect at a time%n", zoo.suspects().size(), pending.size());
        Map<SchemeRun, Asked> asked = new LinkedHashMap<>();
        pending.keySet().forEach(run -> asked.put(run, new Asked(new LinkedHashMap<>(), new LinkedHashMap<>())));
        zoo.forEachSuspect((suspect, model) -> pending.forEach((run, made) -> {
            Fingerprint fingerprint = made.extracted().fingerprint();
            try {
                Answers answers = Verifier.answers(fingerprint, made.scheme(), model);
                asked.get(run).similarities().put(suspect.name(), made.scheme().similarity(fingerprint.answers(), answers));
            } catch (InputException e) {
                asked.get(run).skipped().put(suspect.name(), e.getMessage());
            }
        }), progress);
        return asked;
    }

    private static String familySummary(SchemeResult result) {
        StringBuilder s = new StringBuilder();
        for (FamilyScore f : result.families()) {
            s.append(s.length() == 0 ? "" : ", ").append(f.family()).append(String.format(" TPR@5%% %.2f", f.tprAt5Fpr()));
        }
        return s.toString();
    }
}
