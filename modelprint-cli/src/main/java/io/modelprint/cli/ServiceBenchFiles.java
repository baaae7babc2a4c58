package io.modelprint.cli;

import io.modelprint.registry.ChainReport;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegistryKey;
import io.modelprint.registry.service.JobStatus;
import io.modelprint.registry.service.Principals;
import io.modelprint.registry.service.ScanJob;
import io.modelprint.registry.service.ScanJobs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** bench service's suspect as a hub uploads it, and its check that every finished scan left its evidence, once. */
final class ServiceBenchFiles {
    private ServiceBenchFiles() {}

    /** A model directory zipped, its files in one folder. */
    static Path zip(Path dir, Path out) throws IOException {
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file); var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(dir.getFileName() + "/" + f.getFileName()));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return out;
    }

    /**
     * The chain checked as registry log verify checks it, and the records appended since {@code headBefore} matched
     * to the hub's jobs: each done job's range holds its own records only, no record is outside a done job's range.
     */
    static Map<String, Object> evidence(DbOption db, Path keyDir, String hubToken, long headBefore) {
        try (RegistryDatabase database = db.open(OpenIntent.READ)) {
            EvidenceLog log = new EvidenceLog(database);
            ChainReport report = log.verify(RegistryKey.forVerify(database.location(), keyDir));
            String hub = new Principals(database).authenticate(hubToken, Instant.now()).principal().name();
            List<ScanJob> jobs = new ScanJobs(database).submittedBy(hub, Integer.MAX_VALUE);
            List<EvidenceRecord> records = log.list(headBefore, Integer.MAX_VALUE);
            Map<Long, String> jobOfRecord = new HashMap<>();
            records.forEach(r -> jobOfRecord.put(r.seq(), r.suspect().split(":", 3)[1]));
            int mismatched = 0;
            int doneWithEvidence = 0;
            long inRanges = 0;
            for (ScanJob job : jobs) {
                if (job.status() != JobStatus.DONE || job.evidenceFirst() == null) {
                    continue;
                }
                doneWithEvidence++;
                for (long seq = job.evidenceFirst(); seq <= job.evidenceLast(); seq++) {
                    inRanges++;
                    if (!job.id().equals(jobOfRecord.get(seq))) {
                        mismatched++;
                    }
                }
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("chainIntact", report.intact());
            doc.put("chainProblem", report.problem());
            doc.put("recordsAppended", records.size());
            doc.put("doneJobsWithEvidence", doneWithEvidence);
            doc.put("recordsOutsideADoneJob", records.size() - inRanges);
            doc.put("recordsOfAnotherJobInARange", mismatched);
            doc.put("headHash", report.headHash());
            return doc;
        }
    }
}
