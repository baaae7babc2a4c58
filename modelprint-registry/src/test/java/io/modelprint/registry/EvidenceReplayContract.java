package io.modelprint.registry;

import static io.modelprint.registry.SignedFixtures.ALICE_COPY;
import static io.modelprint.registry.SignedFixtures.REGISTRY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone who can write the database replays an old evidence record as a new one, or swaps two records: the chain
 * check finds the first record out of place, with the head moved along or not.
 */
abstract class EvidenceReplayContract {
    private static final String COLUMNS = "recorded_at, tool_version, suspect, suspect_sha256, suspect_metadata, fingerprint_id,"
            + " fingerprint_sha256, scheme, queries, answers_sha256, similarity, threshold, p_value, verdict, previous_hash,"
            + " record_hash, hash_version, owner_name, owner_key, registry_key, registry_signature";

    @TempDir
    Path dir;

    abstract String newDatabase(Path dir) throws Exception;

    private EvidenceLog threeRecords(RegistryDatabase db) {
        Registry registry = new Registry(db);
        registry.add(SignedFixtures.aliceIpguard(), "alice", null);
        EvidenceLog log = new EvidenceLog(db, REGISTRY);
        for (String suspect : List.of("copy-1", "copy-2", "copy-3")) {
            log.append(EvidenceRecords.of(new SuspectIdentity(suspect, "ab".repeat(32), null),
                    new SuspectScan(null, 0.01).scan(ALICE_COPY, registry.loadAll())));
        }
        assertTrue(log.verify(REGISTRY.publicKey()).intact());
        return log;
    }

    @Test
    void aRecordReplayedAsTheNewestIsFoundEvenWithTheHeadMovedAlong() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            EvidenceLog log = threeRecords(db);
            String replayedHash = log.list().get(1).recordHash();
            RegistryContract.execute(db, "INSERT INTO evidence (seq, " + COLUMNS + ") SELECT 4, " + COLUMNS + " FROM evidence WHERE seq = 2");
            RegistryContract.execute(db, "UPDATE evidence_head SET records = 4, head_hash = '" + replayedHash + "' WHERE id = 1");
            ChainReport report = log.verify(REGISTRY.publicKey());
            assertFalse(report.intact(), "a replayed record");
            assertEquals(4L, report.firstBad(), report.problem());
        }
    }

    @Test
    void twoRecordsSwappedAreFoundAtTheFirst() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            EvidenceLog log = threeRecords(db);
            RegistryContract.execute(db, "UPDATE evidence SET seq = 99 WHERE seq = 2");
            RegistryContract.execute(db, "UPDATE evidence SET seq = 2 WHERE seq = 3");
            RegistryContract.execute(db, "UPDATE evidence SET seq = 3 WHERE seq = 99");
            ChainReport report = log.verify(REGISTRY.publicKey());
            assertFalse(report.intact(), "records out of order");
            assertEquals(2L, report.firstBad(), report.problem());
        }
    }
}
