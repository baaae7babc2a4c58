package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.model.Classifier;
import io.modelprint.model.ConvertedClassifier;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.model.remote.RemoteStats;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.verify.Verdict;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify suspect models against a fingerprint.",
            "A suspect is 'derived' when its similarity under the fingerprint's scheme (for label schemes the matching"
                    + " rate: share of queries it labels as the target did) is at least the threshold. Each suspect is"
                    + " verified on its own: one that fails to load or answers badly is reported with its error, and the"
                    + " exit code is then 1."})
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--fingerprint", required = true, description = "fingerprint file (.npz) made by extract")
    Path fingerprintFile;

    @Option(names = "--threshold", description = "similarity threshold (default: the scheme's; "
            + Verifier.DEFAULT_THRESHOLD + " for matching rates; docs/schemes.md)")
    Double threshold;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    OutputFormat format;

    @Mixin
    SuspectOptions suspectOptions;

    @Parameters(arity = "1..*", paramLabel = "SUSPECT", description = {"model directories, TorchScript .pt or ONNX .onnx files,",
        "or Open Inference Protocol model URLs http(s)://host:port/v2/models/<name> (label-only)"})
    List<String> suspects;

    @Override
    public Integer call() {
        if (threshold != null && !(threshold >= -1 && threshold <= 1)) {
            throw new InputException("--threshold must be in [-1,1], got " + threshold);
        }
        Fingerprint fingerprint = FingerprintFile.read(fingerprintFile);
        suspectOptions.validate(fingerprint);
        Verifier verifier = new Verifier(threshold);
        double tau = threshold != null ? threshold : fingerprint.scheme().defaultThreshold();
        String scheme = fingerprint.meta().scheme();
        List<Map<String, Object>> results = new ArrayList<>();
        boolean anyFailed = false;
        boolean anyInternal = false;
        TextRows text = format == OutputFormat.json ? null : new TextRows(suspects, scheme, tau, fingerprint.meta());
        for (String suspect : suspects) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("suspect", suspect);
            long start = System.nanoTime();
            RemoteStats remote = null;
            try (Classifier model = suspectOptions.open(suspect, fingerprint); Progress progress = Progress.start("verify")) {
                RemoteClassifier client = remote(model);
                if (client != null) {
                    remote = client.stats();
                    client.onProgress(progress);
                }
                Verdict verdict = verifier.verify(fingerprint, model);
                row.put("scheme", verdict.scheme());
                row.put("similarity", verdict.similarity());
                if (verdict.countsMatches()) {
                    row.put("matchingRate", verdict.matchingRate());
                    row.put("matches", verdict.matches());
                }
                row.put("queries", verdict.queries());
                row.put("threshold", verdict.threshold());
                row.put("verdict", verdict.decision().label());
                if (verdict.pValue() != null) {
                    row.put("pValue", verdict.pValue());
                }
            } catch (InputException e) {
                anyFailed = true;
                row.put("error", e.getMessage());
            } catch (RuntimeException | Error e) {
                // a bug or a JVM failure (e.g. out of memory) on one suspect: its row says so, the others go on
                anyInternal = true;
                row.put("error", "internal error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getName()));
                e.printStackTrace();
            }
            if (remote != null) {
                row.put("queriesSent", remote.queriesSent());
                row.put("requests", remote.requests());
                row.put("retries", remote.retries());
                row.put("cachedAnswers", remote.cachedAnswers());
                row.put("httpSeconds", remote.secondsInHttp());
            }
            row.put("seconds", (System.nanoTime() - start) / 1e9);
            results.add(row);
            if (text != null) {
                text.print(row);
            }
        }
        if (text != null) {
            text.finish();
        } else {
            print(results, scheme, tau, fingerprint.meta().calibration() != null);
        }
        return anyInternal ? ExitCode.INTERNAL_ERROR : anyFailed ? ExitCode.PARTIAL_FAILURE : ExitCode.OK;
    }

    private static RemoteClassifier remote(Classifier model) {
        Classifier inner = model instanceof ConvertedClassifier converted ? converted.suspect() : model;
        return inner instanceof RemoteClassifier remote ? remote : null;
    }

    private void print(List<Map<String, Object>> results, String scheme, double tau, boolean calibrated) {
        if (format == OutputFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("fingerprint", fingerprintFile.toString());
            doc.put("scheme", scheme);
            doc.put("threshold", tau);
            doc.put("calibrated", calibrated);
            doc.put("results", results);
            JsonOutput.print(doc);
        }
    }
}
