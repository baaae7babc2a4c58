package io.modelprint.report;

import io.modelprint.registry.EvidenceRecord;
import java.util.List;

/**
 * The evidence records a check appended, as stored (positions, hashes, the registry's signature on
 * the last), and the log they are in.
 *
 * @param database where the log is, as messages name it (no password)
 */
public record ReportEvidence(String database, List<EvidenceRecord> records) {
    public ReportEvidence {
        records = List.copyOf(records);
    }

    /** The last record: its hash was the head of the chain when these records were appended. */
    public EvidenceRecord head() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }
}
