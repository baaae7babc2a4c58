package io.modelprint.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.signature.SigningKey;
import io.modelprint.testing.CountingModel;
import io.modelprint.testing.LabelsOnly;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import io.modelprint.verify.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every registry database must do; run on SQLite and on a real PostgreSQL server. */
abstract class RegistryContract {
    @TempDir
    static Path files;

    static LinearModel alice;
    static LinearModel bob;
    static LinearModel aliceCopy;
    static Path aliceIpguard;
    static Path aliceSac;
    static Path bobBundle;
    static final SigningKey ALICE = SigningKey.generate();
    static final SigningKey BOB = SigningKey.generate();
    /** The registry's own key, which signs the evidence log. */
    static final SigningKey REGISTRY = SigningKey.generate();

    /** A new, empty database for one test. */
    abstract String newDatabase(Path dir) throws Exception;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeFingerprints() {
        alice = TinyFingerprints.target(1);
        bob = TinyFingerprints.target(2);
        aliceCopy = LinearModel.perturbed(alice, 0.05f, 9);
        aliceIpguard = signed("alice-ipguard", ALICE, TinyFingerprints.extract("ipguard", alice, 30, 3));
        aliceSac = signed("alice-sac", ALICE, TinyFingerprints.extract("sac-w", alice, 30, 4));
        bobBundle = signed("bob-bundle", BOB, TinyFingerprints.extract("sac-w", bob, 30, 5),
                TinyFingerprints.extract("sac-w-hard", bob, 30, 5));
    }

    @AfterAll
    static void closeModels() {
        alice.close();
        bob.close();
        aliceCopy.close();
    }

    @Test
    void addListShowExportRemove() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            AddResult first = registry.add(aliceIpguard, "alice", null);
            assertTrue(first.added());
            assertEquals("alice-ipguard", first.entry().name());
            assertEquals("ipguard", first.entry().scheme());
            assertEquals(30, first.entry().queries());
            AddResult again = registry.add(aliceIpguard, "alice", "another name");
            assertFalse(again.added(), "the same content twice is stored once");
            assertEquals(first.entry().id(), again.entry().id());
            InputException otherOwner = assertThrows(InputException.class, () -> registry.add(aliceIpguard, "mallory", null));
            assertTrue(otherOwner.getMessage().contains("already registered as " + first.entry().id()), otherOwner.getMessage());
            AddResult bundle = registry.add(bobBundle, "bob", "bob's bundle");
            assertEquals("bundle(sac-w,sac-w-hard)", bundle.entry().scheme());
            assertEquals("scores", bundle.entry().access());

            List<RegistryEntry> listed = registry.list();
            assertEquals(List.of(first.entry().id(), bundle.entry().id()), listed.stream().map(RegistryEntry::id).toList());
            assertEquals(bundle.entry(), registry.show(bundle.entry().id().substring(0, 6)));

            Path out = dir.resolve("exported.npz");
            registry.export(registry.show(bundle.entry().id()), out);
            assertArrayEquals(Files.readAllBytes(bobBundle), Files.readAllBytes(out), "export is byte-identical to what was added");

            registry.remove(first.entry());
            assertEquals(List.of(bundle.entry().id()), registry.list().stream().map(RegistryEntry::id).toList());
            InputException gone = assertThrows(InputException.class, () -> registry.show(first.entry().id()));
            assertTrue(gone.getMessage().contains("not in the registry"), gone.getMessage());
        }
    }

    @Test
    void aTamperedFingerprintIsRefusedAndNothingIsStored() throws Exception {
        byte[] bytes = Files.readAllBytes(aliceSac);
        Path tampered = dir.resolve("tampered.npz");
        // change one stored (uncompressed) query value inside the zip: the content hash no longer matches
        byte[] changed = bytes.clone();
        changed[changed.length / 3] ^= 0x01;
        Files.write(tampered, changed);
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            InputException e = assertThrows(InputException.class, () -> registry.add(tampered, "alice", null));
            assertTrue(e.getMessage().startsWith(tampered.toString()), e.getMessage());
            assertTrue(registry.list().isEmpty(), "nothing stored");
        }
    }

    @Test
    void scanRanksTheOwnersFingerprintFirstAndLogsEveryCheck() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            String aliceId = registry.add(aliceIpguard, "alice", null).entry().id();
            String aliceSacId = registry.add(aliceSac, "alice", null).entry().id();
            String bobId = registry.add(bobBundle, "bob", null).entry().id();
            List<RegisteredFingerprint> all = registry.loadAll();
            SuspectScan scan = new SuspectScan(null, 0.01);

            CountingModel copy = new CountingModel(aliceCopy);
            List<ScanMatch> matches = scan.scan(copy, all);
            assertEquals(3, matches.size());
            assertTrue(List.of(aliceId, aliceSacId).contains(matches.get(0).entry().id()), "an owner's fingerprint ranks first");
            assertEquals(Decision.DERIVED, byId(matches, aliceId).decision());
            assertEquals(Decision.DERIVED, byId(matches, aliceSacId).decision());
            assertEquals(Decision.INDEPENDENT, byId(matches, bobId).decision());
            assertEquals(2, byId(matches, bobId).members().size(), "a bundle reports each member");
            // one pass: every distinct query asked once (bob's two members share their 30 data images)
            int distinct = QueryPlan.of(all.stream().flatMap(r -> r.members().stream()).toList()).queries().count();
            assertTrue(distinct < 120, "identical queries merged: " + distinct);
            assertEquals(distinct, copy.images());

            EvidenceLog log = new EvidenceLog(db, REGISTRY);
            List<EvidenceRecord> stored = log.append(EvidenceRecords.of(new SuspectIdentity("alice-copy", "ab".repeat(32), null), matches));
            assertEquals(4, stored.size(), "one record per fingerprint checked (bundle members each)");
            List<ScanMatch> other = scan.scan(bob, all);
            assertEquals(Decision.DERIVED, byId(other, bobId).decision());
            log.append(EvidenceRecords.of(new SuspectIdentity("http://host/v2/models/bob", null, "{\"name\":\"bob\"}"), other));

            List<EvidenceRecord> records = log.list();
            assertEquals(8, records.size());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), records.stream().map(EvidenceRecord::seq).toList());
            assertEquals(stored, records.subList(0, 4), "records read back exactly as written (hashes included)");
            assertEquals(EvidenceRecord.GENESIS, records.get(0).previousHash());
            assertEquals(records.get(0).recordHash(), records.get(1).previousHash());
            assertEquals("{\"name\":\"bob\"}", records.get(7).suspectMetadata());
            ChainReport report = log.verify();
            assertTrue(report.intact(), report.problem());
            assertEquals(8, report.records());
            assertEquals(records.get(7).recordHash(), report.headHash());

            // removing a fingerprint keeps the evidence that refers to it
            registry.remove(registry.show(aliceId));
            assertEquals(8, log.list().size());
            assertTrue(log.verify().intact());
        }
    }

    @Test
    void aFingerprintTheSuspectCannotAnswerIsReportedWithTheReason() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            registry.add(aliceIpguard, "alice", null);
            registry.add(aliceSac, "alice", null);
            // a label-only suspect: the score scheme cannot be checked, the label scheme can
            try (LabelsOnly labels = new LabelsOnly(aliceCopy)) {
                List<ScanMatch> matches = new SuspectScan(null, 0.01).scan(labels, registry.loadAll());
                ScanMatch sac = matches.stream().filter(m -> m.entry().scheme().equals("sac-w")).findFirst().orElseThrow();
                assertFalse(sac.checked());
                assertTrue(sac.incompatible().contains("compares scores") && sac.incompatible().contains("labels only"),
                        sac.incompatible());
                assertTrue(matches.get(0).checked(), "checked fingerprints rank before the ones that could not be");
                assertEquals(Decision.DERIVED, matches.get(0).decision());
            }
            // another class count (another task): IPGuard compares the target's labels and says why it cannot; SAC's
            // sample correlations do not depend on the class count and are checked
            try (LinearModel five = new LinearModel(TinyFingerprints.DATA.spec(), 5, 7)) {
                List<ScanMatch> matches = new SuspectScan(null, 0.01).scan(five, registry.loadAll());
                ScanMatch ipguard = matches.stream().filter(m -> m.entry().scheme().equals("ipguard")).findFirst().orElseThrow();
                assertFalse(ipguard.checked());
                assertTrue(ipguard.incompatible().contains("has 5 classes but the fingerprint's target has 10"), ipguard.incompatible());
                ScanMatch sac = matches.stream().filter(m -> m.entry().scheme().equals("sac-w")).findFirst().orElseThrow();
                assertTrue(sac.checked(), "a task-agnostic scheme compares another task's model: " + sac.incompatible());
            }
        }
    }

    @Test
    void anUpdateAndADeleteBreakTheChainAndAreNamed() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            Registry registry = new Registry(db);
            registry.add(aliceIpguard, "alice", null);
            EvidenceLog log = new EvidenceLog(db, REGISTRY);
            for (int i = 0; i < 3; i++) {
                log.append(EvidenceRecords.of(new SuspectIdentity("suspect-" + i, "cd".repeat(32), null),
                        new SuspectScan(null, 0.01).scan(i == 1 ? aliceCopy : bob, registry.loadAll())));
            }
            assertTrue(log.verify().intact());
            assertEquals(3, log.verify().records());

            List<EvidenceRecord> original = log.list();
            // someone turns a 'derived' into 'independent'
            execute(db, "UPDATE evidence SET verdict = 'independent', similarity = 0.1 WHERE seq = 2");
            ChainReport changed = log.verify();
            assertFalse(changed.intact());
            assertEquals(2L, changed.firstBad());
            assertTrue(changed.problem().contains("record 2 was changed"), changed.problem());

            // put back exactly as it was, the chain holds again (the check is of content, not of who touched it)
            execute(db, "UPDATE evidence SET verdict = '" + original.get(1).verdict() + "', similarity = "
                    + original.get(1).similarity() + " WHERE seq = 2");
            assertTrue(log.verify().intact(), "restored exactly: " + log.verify().problem());

            execute(db, "DELETE FROM evidence WHERE seq = 2");
            ChainReport removed = log.verify();
            assertEquals(2L, removed.firstBad());
            assertTrue(removed.problem().contains("record 2 was removed"), removed.problem());

            execute(db, "DELETE FROM evidence WHERE seq = 3");
            execute(db, "DELETE FROM evidence WHERE seq = 2");
            // only record 1 left, but the head says 3: the newest were removed
            ChainReport tail = log.verify();
            assertEquals(2L, tail.firstBad());
            assertTrue(tail.problem().contains("records 2 to 3 were removed"), tail.problem());
        }
    }

    @Test
    void appendsAfterARecordWasRemovedStillChainOnTheHead() throws Exception {
        try (RegistryDatabase db = RegistryDatabase.open(newDatabase(dir), OpenIntent.WRITE)) {
            EvidenceLog log = new EvidenceLog(db, REGISTRY);
            EvidenceRecord r = new EvidenceRecord(0, "2026-01-01T00:00:00Z", "test", "s", null, null, "abcdabcdabcd", "ef".repeat(32),
                    "ipguard", 10, "01".repeat(32), 0.9, 0.5, null, "derived", null, null);
            log.append(List.of(r, r));
            assertEquals(2, log.list().get(1).seq());
            assertNull(log.list().get(0).pValue());
            assertTrue(log.verify().intact());
        }
    }

    /** {@code members} signed by {@code key}, written to {@code files/name.npz}. */
    static Path signed(String name, SigningKey key, Fingerprint... members) {
        return TinyFingerprints.write(files, name, FingerprintSigner.sign(List.of(members), key).toArray(new Fingerprint[0]));
    }

    static void execute(RegistryDatabase db, String sql) throws SQLException {
        try (Statement statement = db.connection().createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    static ScanMatch byId(List<ScanMatch> matches, String id) {
        return matches.stream().filter(m -> m.entry().id().equals(id)).findFirst().orElseThrow();
    }
}
