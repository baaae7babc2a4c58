package io.modelprint.registry;

import io.modelprint.ToolVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The evidence a scan leaves: one record per fingerprint (per member of a bundle) that was checked. */
public final class EvidenceRecords {
    private EvidenceRecords() {}

    /** Records of {@code matches} not yet chained (the log assigns their positions and hashes). */
    public static List<EvidenceRecord> of(SuspectIdentity suspect, List<ScanMatch> matches) {
        String now = Instant.now().toString();
        String version = ToolVersion.version();
        List<EvidenceRecord> records = new ArrayList<>();
        for (ScanMatch match : matches) {
            for (MemberCheck member : match.members()) {
                var v = member.verdict();
                records.add(new EvidenceRecord(0, now, version, suspect.suspect(), suspect.sha256(), suspect.metadata(),
                        match.entry().id(), member.fingerprintSha256(), member.scheme(), v.queries(), member.answersSha256(),
                        v.similarity(), v.threshold(), v.pValue(), v.decision().label(), null, null));
            }
        }
        return records;
    }
}
