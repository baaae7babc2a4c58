package io.modelprint.spark;

import io.modelprint.InputException;
import io.modelprint.ToolVersion;
import io.modelprint.data.InputSpec;
import io.modelprint.engine.ModelLoader;
import io.modelprint.io.Sha256;
import io.modelprint.model.Classifier;
import io.modelprint.model.remote.RemoteClassifier;
import io.modelprint.model.remote.RemoteOptions;
import io.modelprint.registry.MemberCheck;
import io.modelprint.registry.RegisteredFingerprint;
import io.modelprint.registry.ScanMatch;
import io.modelprint.registry.SuspectScan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * What an executor does with its partition of suspects: each suspect loaded there (once per input
 * spec of the fingerprints), asked every compatible fingerprint's queries in one pass ({@link
 * SuspectScan}), one row per check or per fingerprint not checked; a suspect that cannot be loaded or
 * answered gives one error row and the partition goes on.
 */
final class ScanTask implements FlatMapFunction<Iterator<String>, ScanRow> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<FingerprintBroadcast> fingerprints;
    private final Double threshold;
    private final double alpha;

    ScanTask(Broadcast<FingerprintBroadcast> fingerprints, Double threshold, double alpha) {
        this.fingerprints = fingerprints;
        this.threshold = threshold;
        this.alpha = alpha;
    }

    @Override
    public Iterator<ScanRow> call(Iterator<String> suspects) {
        List<RegisteredFingerprint> registered = fingerprints.value().fingerprints();
        SuspectScan scan = new SuspectScan(threshold, alpha);
        List<ScanRow> rows = new ArrayList<>();
        while (suspects.hasNext()) {
            rows.addAll(scanOne(suspects.next(), registered, scan));
        }
        return rows.iterator();
    }

    /** One suspect's rows: a check or a "not checked" reason per fingerprint, or one error row. */
    static List<ScanRow> scanOne(String suspect, List<RegisteredFingerprint> registered, SuspectScan scan) {
        long start = System.nanoTime();
        String sha = null;
        try {
            boolean remote = RemoteClassifier.isUrl(suspect);
            sha = remote ? null : Sha256.ofPath(Path.of(suspect));
            long[] loading = {0};
            // opened once per input spec of the registry's fingerprints; a spec it cannot take is a "not checked" row
            List<ScanMatch> matches = scan.scan((spec, classes, scores) -> {
                long begin = System.nanoTime();
                try {
                    return open(suspect, spec, classes, scores);
                } finally {
                    loading[0] += System.nanoTime() - begin;
                }
            }, registered);
            double load = loading[0] / 1e9;
            return rows(suspect, sha, matches, load, (System.nanoTime() - start) / 1e9 - load);
        } catch (RuntimeException e) {
            // one bad suspect (missing, not a model, a server that fails) is that suspect's error, not the job's
            ScanRow error = base(suspect, sha);
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            error.setError(e instanceof InputException ? message : "internal error: " + e.getClass().getSimpleName() + ": " + message);
            error.setScanSeconds((System.nanoTime() - start) / 1e9);
            return List.of(error);
        }
    }

    private static Classifier open(String suspect, InputSpec spec, int classes, boolean scores) {
        if (RemoteClassifier.isUrl(suspect)) {
            return RemoteClassifier.connect(suspect, spec, classes, RemoteOptions.defaults(), null, scores);
        }
        return ModelLoader.loadClassifier(Path.of(suspect), spec);
    }

    private static List<ScanRow> rows(String suspect, String sha, List<ScanMatch> matches, double load, double seconds) {
        List<ScanRow> rows = new ArrayList<>();
        for (ScanMatch match : matches) {
            if (!match.checked()) {
                ScanRow row = entryRow(suspect, sha, match);
                row.setIncompatible(match.incompatible());
                rows.add(row);
                continue;
            }
            for (MemberCheck member : match.members()) {
                ScanRow row = entryRow(suspect, sha, match);
                var v = member.verdict();
                row.setScheme(member.scheme());
                row.setFingerprintSha256(member.fingerprintSha256());
                row.setQueries(v.queries());
                row.setAnswersSha256(member.answersSha256());
                row.setSimilarity(v.similarity());
                row.setThreshold(v.threshold());
                row.setPValue(v.pValue());
                row.setVerdict(v.decision().label());
                rows.add(row);
            }
        }
        // the suspect's load and scan time, once (on its first row) so that sums over rows are per suspect
        if (!rows.isEmpty()) {
            rows.get(0).setLoadSeconds(load);
            rows.get(0).setScanSeconds(seconds);
        }
        return rows;
    }

    private static ScanRow entryRow(String suspect, String sha, ScanMatch match) {
        ScanRow row = base(suspect, sha);
        row.setFingerprintId(match.entry().id());
        row.setOwner(match.entry().owner());
        row.setOwnerKey(match.entry().ownerKey());
        row.setName(match.entry().name());
        row.setScheme(match.entry().scheme());
        return row;
    }

    private static ScanRow base(String suspect, String sha) {
        ScanRow row = new ScanRow();
        row.setSuspect(suspect);
        row.setSuspectSha256(sha);
        row.setRecordedAt(Instant.now().toString());
        row.setToolVersion(ToolVersion.version());
        return row;
    }
}
