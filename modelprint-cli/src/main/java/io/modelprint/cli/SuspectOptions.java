package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.data.SpecConversion;
import io.modelprint.engine.ModelLoader;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;
import io.modelprint.model.ConvertedClassifier;
import io.modelprint.model.remote.AnswerCache;
import io.modelprint.scheme.Access;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.model.remote.RemoteOptions;
import io.modelprint.model.remote.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How to open suspects: engine, input spec, and for Open Inference Protocol URLs the client's limits. */
final class SuspectOptions {
    @Mixin
    InputSpecOptions spec;

    @Mixin
    EngineOption engine;

    @Option(names = "--resize", description = "resize the fingerprint's queries (bilinear) to the suspect's height and width")
    boolean resize;

    @Option(names = "--batch-size", defaultValue = "64", description = "remote suspects: images per request (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--max-queries",
            description = "remote suspects: images the server may be sent, retries included, in total over the runs that share"
                    + " the answer cache; never exceeded (default: no limit)")
    Long maxQueries;

    @Option(names = "--connect-timeout", defaultValue = "10", paramLabel = "SECONDS", description = "remote suspects (default ${DEFAULT-VALUE})")
    double connectTimeout;

    @Option(names = "--read-timeout", defaultValue = "60", paramLabel = "SECONDS", description = "remote suspects: wait for an answer (default ${DEFAULT-VALUE})")
    double readTimeout;

    @Option(names = "--retries", defaultValue = "5",
            description = "remote suspects: retries on connection errors, timeouts, 429 and 5xx, with exponential backoff (default ${DEFAULT-VALUE})")
    int retries;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "remote suspects: answers kept between runs (default $XDG_CACHE_HOME/modelprint/answers or ~/.cache/modelprint/answers)")
    Path cacheDir;

    @Option(names = "--no-cache", description = "remote suspects: do not keep or reuse answers")
    boolean noCache;

    /** Checks every option before any suspect is opened, so that a bad flag is a bad command line (exit 2). */
    void validate(Fingerprint fingerprint) {
        validate(fingerprint.meta().inputSpec());
    }

    void validate(InputSpec fingerprintSpec) {
        spec.apply(fingerprintSpec);
        engine.parse();
        remoteOptions();
    }

    /** Opens {@code suspect} as a classifier of the fingerprint's queries. */
    Classifier open(String suspect, Fingerprint fingerprint) {
        return open(suspect, fingerprint.meta().inputSpec(), fingerprint.meta().numClasses(),
                fingerprint.scheme().suspectAccess() == Access.SCORES, fingerprint.meta().contentSha256());
    }

    /**
     * Opens {@code suspect} as a classifier of queries in {@code fingerprintSpec}; a remote one is asked
     * for scores when {@code scores}, with its answers cached under {@code cacheKey}.
     */
    Classifier open(String suspect, InputSpec fingerprintSpec, int classes, boolean scores, String cacheKey) {
        InputSpec suspectSpec = spec.apply(fingerprintSpec);
        boolean remote = RemoteClassifier.isUrl(suspect);
        if (remote || !java.nio.file.Files.isDirectory(Path.of(suspect))) {
            convertible(suspect, fingerprintSpec, suspectSpec); // known before the file is loaded or the server asked
        }
        Classifier model;
        if (remote) {
            AnswerCache cache = noCache ? null : AnswerCache.open(cacheDir(), suspect, cacheKey,
                    scores ? AnswerCache.Kind.SCORES : AnswerCache.Kind.LABELS);
            model = RemoteClassifier.connect(suspect, suspectSpec, classes, remoteOptions(), cache, scores);
        } else {
            model = ModelLoader.loadClassifier(Path.of(suspect), suspectSpec, engine.parse());
        }
        try {
            return ConvertedClassifier.of(model, fingerprintSpec, resize);
        } catch (RuntimeException e) {
            model.close();
            throw new InputException(suspect + ": " + e.getMessage(), e);
        }
    }

    private void convertible(String suspect, InputSpec fingerprintSpec, InputSpec suspectSpec) {
        try {
            SpecConversion.between(fingerprintSpec, suspectSpec, resize);
        } catch (InputException e) {
            throw new InputException(suspect + ": " + e.getMessage(), e);
        }
    }

    RemoteOptions remoteOptions() {
        if (batchSize < 1) {
            throw new InputException("--batch-size must be at least 1, got " + batchSize);
        }
        if (maxQueries != null && maxQueries < 1) {
            throw new InputException("--max-queries must be at least 1 (leave it out for no limit), got " + maxQueries);
        }
        if (!(connectTimeout > 0) || !(readTimeout > 0)) {
            throw new InputException("--connect-timeout and --read-timeout must be positive seconds");
        }
        if (retries < 0) {
            throw new InputException("--retries must be >= 0, got " + retries);
        }
        RetryPolicy retry = new RetryPolicy(retries, RetryPolicy.defaults().initial(), RetryPolicy.defaults().max());
        return new RemoteOptions(seconds(connectTimeout), seconds(readTimeout), retry, batchSize, maxQueries == null ? 0 : maxQueries);
    }

    private Path cacheDir() {
        if (cacheDir != null) {
            return cacheDir;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("modelprint").resolve("answers");
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }
}
