package io.modelprint.registry;

import static io.modelprint.registry.SignedFixtures.ALICE;
import static io.modelprint.registry.SignedFixtures.ALICE_COPY;
import static io.modelprint.registry.SignedFixtures.ALICE_IPGUARD;
import static io.modelprint.registry.SignedFixtures.BOB;
import static io.modelprint.registry.SignedFixtures.MALLORY;
import static io.modelprint.registry.SignedFixtures.REGISTRY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.fingerprint.ForgedFingerprints;
import io.modelprint.io.Sha256;
import io.modelprint.verify.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed registration, owners bound to keys, unusable fingerprints in a scan, owners and signatures in the evidence. */
abstract class OwnershipContract {
    @TempDir
    Path dir;

    abstract String newDatabase(Path dir) throws Exception;

    @Test
    void unsignedOrRelabelledFilesAreRefusedAtAddAndNothingIsStored() throws Exception {
        Path unsigned = SignedFixtures.file("alice-unsigned", null, ALICE_IPGUARD);
        Path relabelled = ForgedFingerprints.relabelledAsSacW(unsigned, dir.resolve("relabelled.npz"));
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            InputException e = assertThrows(InputException.class, () -> registry.add(unsigned, "alice", null));
            assertTrue(e.getMessage().contains("unsigned") && e.getMessage().contains("keys new"), e.getMessage());
            InputException fit = assertThrows(InputException.class, () -> registry.add(relabelled, "mallory", null));
            assertTrue(fit.getMessage().startsWith(relabelled.toString()) && fit.getMessage().contains("does not fit"),
                    fit.getMessage());
            assertTrue(registry.list().isEmpty());
        }
    }

    @Test
    void anotherKeyCannotTakeOverAnIdOrAnOwnerName() throws Exception {
        Path alices = SignedFixtures.aliceIpguard();
        // mallory signs alice's content with his own key: same content hash, so the same id
        Path mallorys = SignedFixtures.file("alice-ipguard-by-mallory", MALLORY, ALICE_IPGUARD);
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            RegistryEntry entry = registry.add(alices, "alice", null).entry();
            assertEquals(ALICE.id(), entry.ownerKey());
            InputException taken = assertThrows(InputException.class, () -> registry.add(mallorys, "mallory", null));
            assertTrue(taken.getMessage().contains("already registered as " + entry.id()), taken.getMessage());

            registry.remove(entry);
            InputException afterRemove = assertThrows(InputException.class, () -> registry.add(mallorys, "mallory", null));
            assertTrue(afterRemove.getMessage().contains("fingerprint id " + entry.id() + " was registered by owner 'alice'")
                    && afterRemove.getMessage().contains("cannot take it over"), afterRemove.getMessage());
            InputException name = assertThrows(InputException.class,
                    () -> registry.add(SignedFixtures.file("bob-sac-by-mallory", MALLORY, SignedFixtures.BOB_SAC), "alice", null));
            assertTrue(name.getMessage().contains("owner 'alice' is registered with key " + ALICE.id().substring(0, 16)),
                    name.getMessage());
            assertTrue(registry.list().isEmpty(), "nothing of mallory's was stored");

            RegistryEntry back = registry.add(alices, "alice", null).entry();
            assertEquals(entry.id(), back.id(), "the owner whose key it is may register it again");
            assertEquals(ALICE.id(), back.ownerKey());
        }
    }

    @Test
    void evidenceCarriesTheOwnerAndTheRegistrysSignatureWhichVerifyChecks() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            RegistryEntry alice = registry.add(SignedFixtures.aliceIpguard(), "alice", null).entry();
            registry.add(SignedFixtures.bobSac(), "bob", null);
            EvidenceLog log = new EvidenceLog(db, REGISTRY);
            for (String suspect : List.of("copy-1", "copy-2")) {
                log.append(EvidenceRecords.of(new SuspectIdentity(suspect, "ab".repeat(32), null),
                        new SuspectScan(null, 0.01).scan(ALICE_COPY, registry.loadAll())));
            }
            List<EvidenceRecord> records = log.list();
            assertEquals(4, records.size());
            EvidenceRecord aliceRecord = records.stream().filter(r -> r.fingerprintId().equals(alice.id())).findFirst().orElseThrow();
            assertEquals("alice", aliceRecord.owner());
            assertEquals(ALICE.id(), aliceRecord.ownerKey());
            assertTrue(records.stream().anyMatch(r -> BOB.id().equals(r.ownerKey()) && "bob".equals(r.owner())));
            assertNull(records.get(0).registrySignature(), "an append is signed at its last record");
            assertNotNull(records.get(1).registrySignature());
            ChainReport report = log.verify(REGISTRY.publicKey());
            assertTrue(report.intact(), report.problem());
            assertEquals(4, report.signedThrough());
            assertEquals(List.of(REGISTRY.id()), report.signers());

            ChainReport wrongKey = log.verify(MALLORY.publicKey());
            assertEquals(2L, wrongKey.firstBad());
            assertTrue(wrongKey.problem().contains("not by the registry's key"), wrongKey.problem());

            // the owner of a record is part of its hash
            RegistryContract.execute(db, "UPDATE evidence SET owner_key = '" + MALLORY.id() + "', owner_name = 'mallory'"
                    + " WHERE seq = " + aliceRecord.seq());
            assertTrue(log.verify(REGISTRY.publicKey()).problem().contains("record " + aliceRecord.seq() + " was changed"));
            setOwner(db, aliceRecord);

            // a signature that is not the registry's, or none at the end of the log
            RegistryContract.execute(db, "UPDATE evidence SET registry_signature = '" + records.get(1).registrySignature()
                    + "' WHERE seq = 4");
            assertTrue(log.verify(REGISTRY.publicKey()).problem().contains("record 4's registry signature does not verify"));
            RegistryContract.execute(db, "UPDATE evidence SET registry_signature = NULL, registry_key = NULL WHERE seq = 4");
            ChainReport unsigned = log.verify(REGISTRY.publicKey());
            assertTrue(unsigned.problem().contains("records 3 to 4 carry no registry signature"), unsigned.problem());

            // someone with the database but not the registry's key appends: the database's own key list does not help
            new EvidenceLog(db, MALLORY).append(List.of(records.get(0)));
            ChainReport appended = log.verify(REGISTRY.publicKey());
            assertEquals(5L, appended.firstBad());
            assertTrue(appended.problem().contains("signed by key " + MALLORY.id().substring(0, 16)), appended.problem());
        }
    }

    private static void setOwner(RegistryDatabase db, EvidenceRecord record) throws Exception {
        try (PreparedStatement update = db.connection().prepareStatement(
                "UPDATE evidence SET owner_key = ?, owner_name = ? WHERE seq = ?")) {
            update.setString(1, record.ownerKey());
            update.setString(2, record.owner());
            update.setLong(3, record.seq());
            update.executeUpdate();
        }
    }

    @Test
    void aScanReportsAnUnusableFingerprintAsNotCheckedAndGoesOn() throws Exception {
        // the relabelled file, stored by hand (registry add refuses it now)
        Path relabelled = ForgedFingerprints.relabelledAsSacW(SignedFixtures.file("alice-unsigned", null, ALICE_IPGUARD),
                dir.resolve("relabelled.npz"));
        byte[] bytes = Files.readAllBytes(relabelled);
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            RegistryEntry alice = registry.add(SignedFixtures.aliceIpguard(), "alice", null).entry();
            registry.add(SignedFixtures.bobSac(), "bob", null);
            try (PreparedStatement insert = db.connection().prepareStatement("INSERT INTO fingerprints (id, content_sha256,"
                    + " owner_name, name, scheme, access_level, input_spec, classes, queries, target_sha256, calibrated, added_at,"
                    + " file_sha256, file_size, file_bytes) VALUES ('0123456789ab', ?, 'mallory', 'relabelled', 'sac-w', 'scores',"
                    + " ?, 10, 20, NULL, 0, '2026-01-01T00:00:00Z', ?, ?, ?)")) {
                insert.setString(1, "0123456789ab" + "0".repeat(52));
                insert.setString(2, alice.inputSpec());
                insert.setString(3, Sha256.hex(bytes));
                insert.setLong(4, bytes.length);
                insert.setBytes(5, bytes);
                insert.executeUpdate();
            }
            List<RegisteredFingerprint> all = registry.loadAll();
            assertEquals(3, all.size());
            List<ScanMatch> matches = new SuspectScan(null, 0.01).scan(ALICE_COPY, all);
            ScanMatch bad = RegistryContract.byId(matches, "0123456789ab");
            assertFalse(bad.checked());
            assertTrue(bad.incompatible().startsWith("the fingerprint cannot be used: registry entry 0123456789ab")
                    && bad.incompatible().contains("does not fit"), bad.incompatible());
            assertEquals(Decision.DERIVED, RegistryContract.byId(matches, alice.id()).decision(), "the others are checked");
            assertTrue(matches.get(0).checked() && matches.get(1).checked());
            List<EvidenceRecord> stored = new EvidenceLog(db, REGISTRY).append(
                    EvidenceRecords.of(new SuspectIdentity("copy", null, null), matches));
            assertEquals(2, stored.size(), "evidence for the two fingerprints checked");
        }
    }
}
