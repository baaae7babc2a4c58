package io.modelprint.service;

import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.RegistryDatabase;
import java.util.Map;

/**
 * Checks one suspect against every registered fingerprint, as {@code scan} does (the CLI provides it:
 * opening models needs the engines). The service knows nothing of models; it hands over a local path
 * or a URL and stores what comes back.
 */
public interface SuspectScanner {
    /**
     * Work in the transaction that appends the suspect's evidence (the job is marked done there), given the ownership
     * report pages of the scan by audience ({@link io.modelprint.registry.service.ScanReports}).
     */
    @FunctionalInterface
    interface WithEvidence {
        void run(Map<String, Object> result, Long evidenceFirst, Long evidenceLast, Map<String, String> reports)
                throws java.sql.SQLException;
    }

    /**
     * Scans {@code suspect} (a local path or URL), appends its checks to {@code log} naming it {@code recordedAs},
     * and runs {@code withEvidence} in that append's transaction. Returns the result document ({@code scan --format
     * json}'s, per suspect); a suspect that cannot be scanned gives a result with an {@code error} and no evidence.
     */
    Map<String, Object> scan(RegistryDatabase database, EvidenceLog log, String suspect, String recordedAs, WithEvidence withEvidence);
}
