package io.modelprint.cli;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.EvidenceRecords;
import io.modelprint.registry.MemberCheck;
import io.modelprint.registry.SuspectIdentity;
import io.modelprint.report.MemberOutcome;
import io.modelprint.scheme.Answers;
import io.modelprint.verify.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What verify learns of one suspect, member by member: each member's outcome (verdict and answers, or
 * the error), who the suspect is, and the evidence records to append — naming the fingerprint file by
 * the id it has (or would have) in a registry, and its owner: the name it is registered under (null if
 * it is not) and the key that signed it (null if unsigned).
 */
final class SuspectChecks {
    private final String suspect;
    private final String fingerprintId;
    private final String owner;
    private final String ownerKey;
    private final boolean recordEvidence;
    private final boolean wantIdentity;
    private final List<MemberOutcome> outcomes = new ArrayList<>();
    private final List<EvidenceRecord> records = new ArrayList<>();
    private SuspectIdentity identity;

    /** @param report whether a report is written (it names the suspect by its hash, as evidence does) */
    SuspectChecks(String suspect, String fingerprintId, String owner, String ownerKey, boolean recordEvidence, boolean report) {
        this.suspect = suspect;
        this.fingerprintId = fingerprintId;
        this.owner = owner;
        this.ownerKey = ownerKey;
        this.recordEvidence = recordEvidence;
        this.wantIdentity = recordEvidence || report;
    }

    /** Whether the suspect's identity (a hash of the model's files) is wanted and not known yet: for evidence, or a report. */
    boolean needsIdentity() {
        return wantIdentity && identity == null;
    }

    void identify(SuspectIdentity opened) {
        identity = opened;
    }

    void judged(Fingerprint member, Verdict verdict, Answers answers) {
        outcomes.add(MemberOutcome.judged(verdict, answers));
        if (recordEvidence) {
            MemberCheck check = new MemberCheck(verdict.scheme(), member.meta().contentSha256(), verdict, answers.sha256());
            records.add(EvidenceRecords.of(Objects.requireNonNull(identity), fingerprintId, check, Instant.now().toString())
                    .withOwner(owner, ownerKey));
        }
    }

    void failed(String error) {
        outcomes.add(MemberOutcome.failed(error));
    }

    List<MemberOutcome> outcomes() {
        return outcomes;
    }

    List<EvidenceRecord> records() {
        return records;
    }

    /** The suspect as the evidence log names it; without a hash when it could not be opened. */
    SuspectIdentity identity() {
        return identity != null ? identity : new SuspectIdentity(suspect, null, null);
    }
}
