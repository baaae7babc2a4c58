package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegistryEntry;
import io.modelprint.service.SuspectScanner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * registry serve's scans, made by {@link RegistryScan} as {@code scan} makes them, with the serve command's
 * verdict and suspect options. The registry's fingerprints are read and checked again only when its
 * entries changed since the last job.
 */
final class ServiceScans implements SuspectScanner {
    private final VerdictOptions verdictOptions;
    private final SuspectOptions suspectOptions;
    private final ServiceReports reports;
    private List<String> preparedFor;
    private RegistryScan prepared;

    ServiceScans(VerdictOptions verdictOptions, SuspectOptions suspectOptions) {
        this.verdictOptions = verdictOptions;
        this.suspectOptions = suspectOptions;
        this.reports = new ServiceReports(verdictOptions);
    }

    @Override
    public Map<String, Object> scan(RegistryDatabase database, EvidenceLog log, String suspect, String recordedAs,
            WithEvidence withEvidence) {
        RegistryScan scan;
        try {
            scan = prepared(database);
        } catch (InputException e) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("suspect", recordedAs);
            result.put("error", e.getMessage());
            return result;
        }
        return scan.scan(suspect, recordedAs, log, outcome -> {
            List<EvidenceRecord> stored = outcome.stored();
            withEvidence.run(outcome.result(), stored.isEmpty() ? null : stored.get(0).seq(),
                    stored.isEmpty() ? null : stored.get(stored.size() - 1).seq(), reports.pages(outcome, scan.registered()));
        });
    }

    /** The registry as the last job read it, or read again when an entry was added, removed or changed since. */
    private synchronized RegistryScan prepared(RegistryDatabase database) {
        List<String> entries = new Registry(database).list().stream().map(ServiceScans::state).toList();
        if (!entries.equals(preparedFor)) {
            prepared = RegistryScan.prepare(database, verdictOptions, suspectOptions);
            preparedFor = entries;
        }
        return prepared;
    }

    private static String state(RegistryEntry entry) {
        return entry.id() + " " + entry.fileSha256() + " " + entry.owner() + " " + entry.ownerKey();
    }
}
