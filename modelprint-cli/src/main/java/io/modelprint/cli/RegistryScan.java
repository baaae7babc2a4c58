package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.scheme.Scheme;
import io.modelprint.io.Sha256;
import io.modelprint.model.Classifier;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.EvidenceRecords;
import io.modelprint.registry.RegisteredFingerprint;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.ScanMatch;
import io.modelprint.registry.SuspectIdentity;
import io.modelprint.registry.SuspectScan;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Suspects against the registry's fingerprints as they were read once: each suspect opened, scanned
 * ({@link SuspectScan}) and its checks appended to the evidence log. What {@code scan} runs for each of
 * its suspects and {@code registry serve} for each job, so that both give the same verdicts.
 */
final class RegistryScan {
    /** Work in the transaction that appends a suspect's evidence, given the outcome as it will be reported. */
    @FunctionalInterface
    interface WithEvidence {
        void run(Outcome outcome) throws SQLException;
    }

    private final List<RegisteredFingerprint> registered;
    private final String cacheKey;
    private final SuspectScan scan;
    private final SuspectOptions suspectOptions;

    private RegistryScan(List<RegisteredFingerprint> registered, VerdictOptions verdict, SuspectOptions suspectOptions) {
        this.registered = registered;
        this.cacheKey = Sha256.hex(String.join("\n", registered.stream().map(r -> r.entry().contentSha256()).sorted().toList())
                .getBytes(StandardCharsets.UTF_8));
        this.scan = new SuspectScan(verdict.threshold, verdict.alpha);
        this.suspectOptions = suspectOptions;
    }

    /** Reads (and checks) every registered fingerprint; refused when the registry holds none or none can be used. */
    static RegistryScan prepare(RegistryDatabase database, VerdictOptions verdict, SuspectOptions suspectOptions) {
        verdict.validateThreshold();
        verdict.validateAlpha();
        List<RegisteredFingerprint> registered = new Registry(database).loadAll();
        if (registered.isEmpty()) {
            throw new InputException(database.location().describe() + ": the registry holds no fingerprints; add some with"
                    + " modelprint registry add F.npz --owner NAME");
        }
        RegisteredFingerprint.requireUsable(database.location().describe(), registered);
        suspectOptions.validate(SuspectScan.commonSpec(registered));
        if (registered.stream().filter(RegisteredFingerprint::usable).anyMatch(r -> r.schemes().stream().anyMatch(Scheme::asksTampering))) {
            suspectOptions.noCache = true; // answers kept from an earlier run would say nothing about the model as it is now
        }
        return new RegistryScan(registered, verdict, suspectOptions);
    }

    int fingerprints() {
        return registered.size();
    }

    List<RegisteredFingerprint> registered() {
        return registered;
    }

    /** One suspect's scan: the result as printed, and what an ownership report draws (null where the suspect failed first). */
    record Outcome(Map<String, Object> result, SuspectIdentity identity, List<ScanMatch> matches, List<EvidenceRecord> stored) {
        String error() {
            return (String) result.get("error");
        }
    }

    /**
     * Opens {@code suspect} (a path or URL), checks it, and appends its checks to {@code log} as made on
     * {@code recordedAs} (the suspect as the evidence names it), running {@code withEvidence} (may be null) in
     * that append's transaction. Returns the result as {@code scan --format json} prints it; a suspect that
     * cannot be scanned is a result with an {@code error}, and nothing is appended.
     */
    Map<String, Object> scan(String suspect, String recordedAs, EvidenceLog log, WithEvidence withEvidence) {
        return check(suspect, recordedAs, log, withEvidence).result();
    }

    /** As {@link #scan}, with what the report needs besides the result. */
    Outcome check(String suspect, String recordedAs, EvidenceLog log, WithEvidence withEvidence) {
        Map<String, Object> result = new LinkedHashMap<>();
        SuspectIdentity[] opened = new SuspectIdentity[1];
        List<ScanMatch> checked = new java.util.ArrayList<>();
        List<EvidenceRecord> appended = new java.util.ArrayList<>();
        result.put("suspect", recordedAs);
        long start = System.nanoTime();
        try {
            // opened once per input spec of the registry's fingerprints (grey 28x28 and colour 32x32 can share one)
            List<ScanMatch> matches = scan.scan((spec, classes, scores) -> {
                Classifier model = suspectOptions.open(suspect, spec, classes, scores, cacheKey);
                if (opened[0] == null) {
                    opened[0] = SuspectIdentities.of(suspect, model);
                }
                return model;
            }, registered);
            checked.addAll(matches);
            SuspectIdentity identity = new SuspectIdentity(recordedAs, opened[0].sha256(), opened[0].metadata());
            result.put("suspectSha256", identity.sha256());
            log.append(EvidenceRecords.of(identity, matches), stored -> {
                appended.addAll(stored);
                result.put("evidence", stored.isEmpty() ? List.of() : List.of(stored.get(0).seq(), stored.get(stored.size() - 1).seq()));
                result.put("matches", matches.stream().map(ScanViews::match).toList());
                result.put("seconds", (System.nanoTime() - start) / 1e9);
                if (withEvidence != null) {
                    withEvidence.run(new Outcome(result, identity, matches, stored));
                }
            });
        } catch (InputException e) {
            result.keySet().retainAll(List.of("suspect", "suspectSha256"));
            result.put("error", e.getMessage());
        }
        result.put("seconds", (System.nanoTime() - start) / 1e9);
        SuspectIdentity identity = opened[0] == null ? null : new SuspectIdentity(recordedAs, opened[0].sha256(), opened[0].metadata());
        return new Outcome(result, identity, result.containsKey("error") ? null : checked, appended);
    }
}
