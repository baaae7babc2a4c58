package io.modelprint.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.ProgressListener;
import io.modelprint.data.ImageDataset;
import io.modelprint.engine.DjlClassifier;
import io.modelprint.engine.ModelLoader;
import io.modelprint.engine.TrainingConfig;
import io.modelprint.engine.TrainingRun;
import io.modelprint.engine.arch.Architecture;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryKey;
import io.modelprint.signature.SigningKey;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegisteredFingerprint;
import io.modelprint.registry.ScanMatch;
import io.modelprint.registry.SuspectScan;
import io.modelprint.testing.SyntheticData;
import io.modelprint.testing.TinyFingerprints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark scan in local[2] on tiny trained models: the same answers as a local scan, errors per suspect, Parquet, evidence. */
class SparkScanTest {
    @TempDir
    Path dir;

    private static final ImageDataset TRAIN = SyntheticData.bands(400, 10, 12, 12, 1);
    private static final ImageDataset TEST = SyntheticData.bands(100, 10, 12, 12, 2);
    private static final SigningKey OWNER = SigningKey.generate();

    private Path train(String name, Architecture arch, long seed) {
        Path out = dir.resolve(name);
        TrainingRun.trainAndSave(arch, TRAIN, TEST, new TrainingConfig(1, 32, 1e-3f, seed, 0), out, ProgressListener.NONE);
        return out;
    }

    private Path fingerprint(Path model, String scheme, long seed) {
        try (DjlClassifier target = ModelLoader.load(model, null)) {
            return TinyFingerprints.write(dir, model.getFileName() + "-" + scheme, FingerprintSigner.sign(
                    TinyFingerprints.extract(target, model.toString(), scheme, TRAIN, 30, seed), OWNER));
        }
    }

    @Test
    void scansEverySuspectOnSparkAndLogsTheEvidence() throws Exception {
        Path alice = train("alice", Architecture.MLP, 1);
        Path bob = train("bob", Architecture.LENET5, 2);
        Path other = train("other", Architecture.MLP, 3);
        String db = dir.resolve("registry.db").toString();
        try (RegistryDatabase database = RegistryDatabase.open(db, OpenIntent.WRITE)) {
            Registry registry = new Registry(database);
            registry.add(fingerprint(alice, "ipguard", 4), "alice", null);
            registry.add(fingerprint(bob, "modeldiff", 5), "bob", null);
        }
        Path list = dir.resolve("suspects.txt");
        Files.writeString(list, String.join("\n", "# suspects", alice.toString(), bob.toString(), other.toString(), alice.toString(),
                dir.resolve("missing-model").toString(), ""));
        List<String> suspects = SuspectList.read(list);
        assertEquals(5, suspects.size());

        SparkSession spark = SparkScan.session("local[2]");
        SparkScanJob.Summary summary;
        List<ScanRow> rows;
        try {
            summary = SparkScanJob.run(spark, db, null, suspects, null, 0.01, 3, dir.resolve("rows.parquet").toString());
            rows = spark.read().parquet(dir.resolve("rows.parquet").toString()).as(org.apache.spark.sql.Encoders.bean(ScanRow.class))
                    .collectAsList();
            // without Parquet output the same checks are made and logged
            SparkScanJob.Summary again = SparkScanJob.run(spark, db, null, suspects, null, 0.01, 3, null);
            assertEquals(summary.checks(), again.checks());
            assertEquals(summary.derived(), again.derived());
        } finally {
            spark.stop();
        }
        assertEquals(5, summary.suspects());
        assertEquals(1, summary.failed(), "the missing model fails alone; the job finishes the rest");
        assertEquals(8, summary.checks(), "4 loadable suspects x 2 fingerprints");
        assertEquals(9, rows.size(), "8 checks and 1 error row in Parquet");
        assertEquals(rows.stream().filter(r -> r.getError() != null || "derived".equals(r.getVerdict())).count(),
                summary.notable().size(), "the summary keeps the failed suspects and the derived verdicts");
        assertEquals("derived", verdict(rows, alice, "alice").getVerdict());
        assertEquals(1.0, verdict(rows, alice, "alice").getSimilarity(), 1e-9);
        assertEquals("independent", verdict(rows, alice, "bob").getVerdict());
        assertEquals("derived", verdict(rows, bob, "bob").getVerdict());
        assertEquals("independent", verdict(rows, bob, "alice").getVerdict());
        // every row is what a scan on this machine, outside Spark, computes for the same suspect
        List<RegisteredFingerprint> registered;
        try (RegistryDatabase database = RegistryDatabase.open(db, OpenIntent.WRITE)) {
            registered = new Registry(database).loadAll();
        }
        for (Path suspect : List.of(alice, bob, other)) {
            try (var model = ModelLoader.loadClassifier(suspect, SuspectScan.commonSpec(registered))) {
                for (ScanMatch local : new SuspectScan(null, 0.01).scan(model, registered)) {
                    ScanRow row = verdict(rows, suspect, local.entry().owner());
                    assertEquals(local.members().get(0).verdict().similarity(), row.getSimilarity(), 1e-6, suspect + " " + local);
                    assertEquals(local.decision().label(), row.getVerdict());
                    assertEquals(local.members().get(0).answersSha256(), row.getAnswersSha256());
                }
            }
        }
        ScanRow error = rows.stream().filter(r -> r.getError() != null).findFirst().orElseThrow();
        assertTrue(error.getError().contains("missing-model"), error.getError());
        assertNull(error.getVerdict());

        try (RegistryDatabase database = RegistryDatabase.open(db, OpenIntent.WRITE)) {
            EvidenceLog log = new EvidenceLog(database);
            List<EvidenceRecord> records = log.list().subList(0, 8);
            assertEquals(16, log.list().size(), "two scans, 8 checks each");
            List<String> expected = suspects.subList(0, 4).stream().flatMap(s -> java.util.stream.Stream.of(s, s)).toList();
            assertEquals(expected, records.stream().map(EvidenceRecord::suspect).toList(),
                    "evidence in the order the suspects were listed, two fingerprints each");
            assertEquals(alice.toString(), records.get(0).suspect());
            assertEquals(io.modelprint.io.Sha256.ofPath(alice), records.get(0).suspectSha256());
            assertEquals("alice", records.get(0).owner());
            assertEquals(OWNER.id(), records.get(0).ownerKey());
            var report = log.verify(RegistryKey.forVerify(database.location(), null));
            assertTrue(report.intact(), report.problem());
            assertEquals(16, report.signedThrough(), "the driver signs its appends with the registry's key beside the database");
        }
    }

    private static ScanRow verdict(List<ScanRow> rows, Path suspect, String owner) {
        return rows.stream().filter(r -> r.getSuspect().equals(suspect.toString()) && owner.equals(r.getOwner())).findFirst()
                .orElseThrow();
    }

    @Test
    void aDirectoryListsItsModelsAndAnEmptyListIsRefused() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(models.resolve("b-model"));
        Files.writeString(models.resolve("b-model").resolve("provenance.json"), "{}");
        Files.writeString(models.resolve("a.onnx"), "x");
        Files.writeString(models.resolve("notes.txt"), "x");
        Files.createDirectories(models.resolve("not-a-model"));
        assertEquals(List.of(models.resolve("a.onnx").toString(), models.resolve("b-model").toString()), SuspectList.read(models));
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "# nothing\n\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.modelprint.InputException.class, () -> SuspectList.read(empty));
        assertTrue(e.getMessage().contains("lists no suspects"), e.getMessage());
    }
}
