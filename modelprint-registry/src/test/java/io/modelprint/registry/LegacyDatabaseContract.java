package io.modelprint.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry written before owners signed (schema version 1: an unsigned entry, records hashed as v1)
 * opens, is migrated, still verifies, and goes on: new records are signed and cover the old ones.
 */
abstract class LegacyDatabaseContract {
    /** Hashes of the two records below, computed by the modelprint of schema version 1: the v1 text is unchanged. */
    static final String FIRST_HASH = "e9b16e478dc84fdff3ca1e97099b3e8bf7f6566096da225024bb5fbed2ed672a";
    static final String SECOND_HASH = "a66f19c09eee6253ec25709bd19db85b7747dfe351df95d3aeb33ce2e14c03f0";

    @TempDir
    Path dir;

    abstract String newDatabase(Path dir) throws Exception;

    static List<EvidenceRecord> legacyRecords() {
        EvidenceRecord first = new EvidenceRecord(1, "2025-06-01T12:00:00Z", "0.9.0", "suspects/copy\nwith newline", "ab".repeat(32),
                null, "abcdabcdabcd", "ef".repeat(32), "ipguard", 30, "01".repeat(32), 0.97, 0.5, 1.0E-4, "derived",
                EvidenceRecord.GENESIS, FIRST_HASH, 1, null, null, null, null);
        EvidenceRecord second = new EvidenceRecord(2, "2025-06-01T12:00:01Z", "0.9.0", "http://host/v2/models/m", null,
                "{\"name\":\"m\"}", "abcdabcdabcd", "ef".repeat(32), "ipguard", 30, "02".repeat(32), 0.31, 0.5, null, "independent",
                FIRST_HASH, SECOND_HASH, 1, null, null, null, null);
        return List.of(first, second);
    }

    @Test
    void aVersion1RegistryIsMigratedAndItsLogStillVerifies() throws Exception {
        String db = newDatabase(dir);
        DatabaseLocation location = DatabaseLocation.parse(db);
        Flyway.configure(getClass().getClassLoader()).dataSource(location.url(), null, null).locations("classpath:db/migration")
                .placeholders(Map.of("bytes_type", location.dialect().bytesType())).target("1").load().migrate();
        Path unsigned = SignedFixtures.file("alice-unsigned", null, SignedFixtures.ALICE_IPGUARD);
        byte[] bytes = Files.readAllBytes(unsigned);
        List<Fingerprint> members = FingerprintFile.readBundle(unsigned);
        RegistryEntry legacy = RegistryEntries.describe(members, FingerprintFile.contentSha256(members), "alice", "legacy", bytes, null);
        try (var connection = java.sql.DriverManager.getConnection(location.url())) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fingerprints (id, content_sha256, owner_name, name,"
                    + " scheme, access_level, input_spec, classes, queries, target_sha256, calibrated, added_at, file_sha256,"
                    + " file_size, file_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Object[] values = {legacy.id(), legacy.contentSha256(), legacy.owner(), legacy.name(), legacy.scheme(), legacy.access(),
                    legacy.inputSpec(), legacy.classes(), legacy.queries(), legacy.targetSha256(), 0, legacy.addedAt(),
                    legacy.fileSha256(), legacy.fileSize(), bytes};
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.executeUpdate();
            }
            for (EvidenceRecord r : legacyRecords()) {
                assertEquals(r.recordHash(), r.computeHash(), "version 1 hashing is what it was");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO evidence (seq, recorded_at, tool_version,"
                        + " suspect, suspect_sha256, suspect_metadata, fingerprint_id, fingerprint_sha256, scheme, queries,"
                        + " answers_sha256, similarity, threshold, p_value, verdict, previous_hash, record_hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Object[] values = {r.seq(), r.recordedAt(), r.toolVersion(), r.suspect(), r.suspectSha256(), r.suspectMetadata(),
                        r.fingerprintId(), r.fingerprintSha256(), r.scheme(), r.queries(), r.answersSha256(), r.similarity(),
                        r.threshold(), r.pValue(), r.verdict(), r.previousHash(), r.recordHash()};
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null) {
                            insert.setNull(i + 1, i == 13 ? Types.DOUBLE : Types.VARCHAR);
                        } else {
                            insert.setObject(i + 1, values[i]);
                        }
                    }
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement head = connection.prepareStatement("UPDATE evidence_head SET records = 2, head_hash = ? WHERE id = 1")) {
                head.setString(1, SECOND_HASH);
                head.executeUpdate();
            }
        }

        try (RegistryDatabase database = RegistryDatabase.open(db, OpenIntent.WRITE)) {
            Registry registry = new Registry(database);
            RegistryEntry read = registry.list().get(0);
            assertEquals(legacy.id(), read.id());
            assertNull(read.ownerKey(), "registered before signatures: no key");
            EvidenceLog log = new EvidenceLog(database, SignedFixtures.REGISTRY);
            assertEquals(legacyRecords(), log.list(), "old records read back exactly");
            ChainReport old = log.verify(SignedFixtures.REGISTRY.publicKey());
            assertTrue(old.intact(), old.problem());
            assertEquals(2, old.unsignedTail(), "written before the registry signed its log");

            List<RegisteredFingerprint> all = registry.loadAll();
            assertTrue(all.get(0).usable(), "an entry registered unsigned is still scanned");
            log.append(EvidenceRecords.of(new SuspectIdentity("copy", null, null),
                    new SuspectScan(null, 0.01).scan(SignedFixtures.ALICE_COPY, all)));
            ChainReport now = log.verify(SignedFixtures.REGISTRY.publicKey());
            assertTrue(now.intact(), now.problem());
            assertEquals(3, now.signedThrough(), "the new signature covers the old records too");
            EvidenceRecord added = log.list().get(2);
            assertEquals(EvidenceRecord.HASH_VERSION, added.hashVersion());
            assertEquals("alice", added.owner());
            assertNull(added.ownerKey());

            RegistryContract.execute(database, "UPDATE evidence SET owner_name = 'mallory' WHERE seq = 1");
            assertTrue(log.verify().problem().contains("record 1 was changed: it is a version 1 record"), log.verify().problem());
        }
    }
}
