package io.modelprint.cli;

import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.RegisteredFingerprint;
import io.modelprint.registry.service.ScanReports;
import io.modelprint.report.OwnershipReport;
import io.modelprint.report.ReportEvidence;
import io.modelprint.report.ShellWords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ownership report pages of one scan job of {@code registry serve}, by audience: the hub's (every verdict and
 * evidence record, no fingerprint's queries) and each owner's (only its own fingerprints and their records, with
 * the queries, which are its own). Their commands name the service's API, not files on its machine.
 */
final class ServiceReports {
    static final String LOG = "registry serve (auditors: GET /api/v1/evidence/verify)";
    private static final String AUDIT = "curl -fsS -H \"Authorization: Bearer $AUDITOR_TOKEN\" \"$SERVICE/api/v1/evidence/verify\"";

    private final VerdictOptions verdict;

    ServiceReports(VerdictOptions verdict) {
        this.verdict = verdict;
    }

    Map<String, String> pages(RegistryScan.Outcome outcome, List<RegisteredFingerprint> registered) {
        String now = Instant.now().toString();
        Map<String, String> pages = new LinkedHashMap<>();
        ReportChecks all = ReportChecks.of(outcome.matches(), registered, entry -> true, id -> List.of());
        pages.put(ScanReports.HUB, page(outcome, all, outcome.stored(), false, now));
        Set<String> owners = new LinkedHashSet<>();
        outcome.matches().stream().map(match -> match.entry().owner()).filter(java.util.Objects::nonNull).forEach(owners::add);
        String suspectSha = outcome.identity().sha256();
        for (String owner : owners) {
            ReportChecks own = ReportChecks.of(outcome.matches(), registered, entry -> owner.equals(entry.owner()),
                    id -> verifyAgain(id, suspectSha));
            List<EvidenceRecord> records = outcome.stored().stream().filter(r -> owner.equals(r.owner())).toList();
            pages.put(ScanReports.owner(owner), page(outcome, own, records, true, now));
        }
        return pages;
    }

    private static String page(RegistryScan.Outcome outcome, ReportChecks checks, List<EvidenceRecord> records, boolean showQueries,
            String now) {
        return new OwnershipReport(outcome.identity(), null, checks.checked(), checks.notChecked(),
                records.isEmpty() ? null : new ReportEvidence(LOG, records), List.of(AUDIT), showQueries, now).html();
    }

    /** The owner fetches its registered file and verifies the suspect's file with the service's verdict options. */
    private List<String> verifyAgain(String id, String suspectSha) {
        List<String> verify = new ArrayList<>(List.of("modelprint", "verify", "--fingerprint", id + ".npz"));
        if (verdict.threshold != null) {
            verify.addAll(List.of("--threshold", verdict.threshold.toString()));
        }
        verify.addAll(List.of("--alpha", Double.toString(verdict.alpha), "SUSPECT"));
        return List.of("curl -fsS -H \"Authorization: Bearer $OWNER_TOKEN\" \"$SERVICE/api/v1/fingerprints/" + id + "/file\" -o "
                + ShellWords.join(List.of(id + ".npz")), "# SUSPECT: the suspect's file, SHA-256 " + suspectSha, ShellWords.join(verify));
    }
}
