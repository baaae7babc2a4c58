package io.modelprint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.EvidenceRecords;
import io.modelprint.registry.MemberCheck;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.SuspectIdentity;
import io.modelprint.signature.SigningKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records a check appended to a real evidence log, with their hashes, the chain head and the registry's signature over it. */
class EvidenceSectionTest {
    @TempDir
    Path dir;

    @Test
    void everyRecordItsHashesAndTheSignedHeadOfTheChainAreShown() {
        Fingerprint fingerprint = ReportFixtures.calibrated(ReportFixtures.fingerprint(16, 8), ReportFixtures.kinds(4),
                ReportFixtures.names(4));
        MemberOutcome outcome = ReportFixtures.judge(fingerprint, ReportFixtures.COPY);
        SigningKey registryKey = SigningKey.generate();
        SuspectIdentity suspect = new SuspectIdentity("copy <b>", "cd".repeat(32), null);
        List<EvidenceRecord> stored;
        try (RegistryDatabase database = RegistryDatabase.open(dir.resolve("r.db").toString(), OpenIntent.WRITE)) {
            EvidenceLog log = new EvidenceLog(database, registryKey);
            MemberCheck check = new MemberCheck("ipguard", fingerprint.meta().contentSha256(), outcome.verdict(),
                    outcome.answers().sha256());
            log.append(List.of(EvidenceRecords.of(suspect, "0123456789ab", check, "2026-01-01T00:00:00Z")));
            stored = log.append(List.of(EvidenceRecords.of(suspect, "0123456789ab", check, "2026-01-02T00:00:00Z").withOwner("alice",
                    null), EvidenceRecords.of(suspect, "0123456789ab", check, "2026-01-02T00:00:01Z").withOwner("alice", null)));
            assertTrue(log.verify(registryKey.publicKey()).intact());
        }
        String html = ReportFixtures.report(ReportFixtures.check("alice", fingerprint, outcome), suspect.suspect(),
                new ReportEvidence(dir.resolve("r.db").toString(), stored)).html();
        assertEquals(2, OwnershipReportTest.count(html, "<tr class=\"evidence-record\">"));
        for (EvidenceRecord record : stored) {
            assertTrue(html.contains("<dt>record hash</dt><dd><code class=\"hash\">" + record.recordHash() + "</code>"));
            assertTrue(html.contains("<dt>previous hash</dt><dd><code class=\"hash\">" + record.previousHash() + "</code>"));
            assertEquals(record.computeHash(), record.recordHash());
        }
        assertEquals(stored.get(0).recordHash(), stored.get(1).previousHash());
        assertTrue(html.contains("<dt>answers SHA-256</dt><dd><code class=\"hash\">" + outcome.answers().sha256() + "</code>"));
        EvidenceRecord head = stored.get(1);
        assertEquals(3, head.seq());
        assertTrue(html.contains("record 3: <code class=\"hash head-hash\">" + head.recordHash() + "</code>"));
        assertTrue(html.contains("by registry key <code class=\"hash\">" + registryKey.id() + "</code>"));
        assertTrue(html.contains(head.registrySignature()));
    }
}
