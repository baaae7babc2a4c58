package io.modelprint.registry;

import io.modelprint.ToolVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The evidence a scan leaves: one record per fingerprint (per member of a bundle) that was checked, with its owner. */
public final class EvidenceRecords {
    private EvidenceRecords() {}

    /** Records of {@code matches} not yet chained (the log assigns their positions and hashes). */
    public static List<EvidenceRecord> of(SuspectIdentity suspect, List<ScanMatch> matches) {
        String now = Instant.now().toString();
        List<EvidenceRecord> records = new ArrayList<>();
        for (ScanMatch match : matches) {
            for (MemberCheck member : match.members()) {
                records.add(of(suspect, match.entry().id(), member, now).withOwner(match.entry().owner(), match.entry().ownerKey()));
            }
        }
        return records;
    }

    /**
     * The record of one check of {@code suspect} against fingerprint {@code fingerprintId}, made at
     * {@code recordedAt}; its owner is set with {@link EvidenceRecord#withOwner}.
     */
    public static EvidenceRecord of(SuspectIdentity suspect, String fingerprintId, MemberCheck check, String recordedAt) {
        var v = check.verdict();
        return new EvidenceRecord(0, recordedAt, ToolVersion.version(), suspect.suspect(), suspect.sha256(), suspect.metadata(),
                fingerprintId, check.fingerprintSha256(), check.scheme(), v.queries(), check.answersSha256(), v.similarity(),
                v.threshold(), v.pValue(), v.decision().label(), null, null);
    }
}
