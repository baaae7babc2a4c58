package io.modelprint.cli;

import io.modelprint.registry.ChainReport;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.RegistryEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/** Registry rows as the JSON the registry commands print (and registry serve answers). */
public final class RegistryViews {
    private RegistryViews() {}

    public static Map<String, Object> entry(RegistryEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("owner", e.owner());
        m.put("ownerKey", e.ownerKey());
        m.put("name", e.name());
        m.put("scheme", e.scheme());
        m.put("access", e.access());
        m.put("queries", e.queries());
        m.put("classes", e.classes());
        m.put("inputSpec", e.inputSpec());
        m.put("calibrated", e.calibrated());
        m.put("targetSha256", e.targetSha256());
        m.put("contentSha256", e.contentSha256());
        m.put("fileSha256", e.fileSha256());
        m.put("fileSize", e.fileSize());
        m.put("addedAt", e.addedAt());
        return m;
    }

    public static Map<String, Object> record(EvidenceRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", r.seq());
        m.put("recordedAt", r.recordedAt());
        m.put("toolVersion", r.toolVersion());
        m.put("suspect", r.suspect());
        m.put("suspectSha256", r.suspectSha256());
        m.put("suspectMetadata", r.suspectMetadata());
        m.put("fingerprintId", r.fingerprintId());
        m.put("fingerprintSha256", r.fingerprintSha256());
        m.put("scheme", r.scheme());
        m.put("queries", r.queries());
        m.put("answersSha256", r.answersSha256());
        m.put("similarity", r.similarity());
        m.put("threshold", r.threshold());
        m.put("pValue", r.pValue());
        m.put("verdict", r.verdict());
        m.put("previousHash", r.previousHash());
        m.put("recordHash", r.recordHash());
        m.put("hashVersion", r.hashVersion());
        m.put("owner", r.owner());
        m.put("ownerKey", r.ownerKey());
        m.put("registryKey", r.registryKey());
        m.put("registrySignature", r.registrySignature());
        return m;
    }

    /** What {@code registry log verify --format json} says of the chain (without the database's name). */
    public static Map<String, Object> chainReport(ChainReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("intact", report.intact());
        doc.put("records", report.records());
        doc.put("headHash", report.headHash());
        doc.put("signedThrough", report.signedThrough());
        doc.put("registryKeys", report.signers());
        doc.put("checkedAgainst", report.checkedAgainst());
        if (!report.intact()) {
            doc.put("firstBadRecord", report.firstBad());
            doc.put("problem", report.problem());
        }
        return doc;
    }
}
