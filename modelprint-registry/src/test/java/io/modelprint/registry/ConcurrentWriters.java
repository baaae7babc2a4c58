package io.modelprint.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.signature.KeyFiles;
import io.modelprint.signature.SigningKey;
import io.modelprint.testing.LinearModel;
import io.modelprint.testing.TinyFingerprints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Two JVMs that add fingerprints and append evidence to one registry at the same moment. */
final class ConcurrentWriters {
    static final int PER_WRITER = 4;
    static final int RECORDS_PER_WRITER = 10;

    private ConcurrentWriters() {}

    /** Runs the two writers against {@code db} and checks that everything both wrote is there, in one intact chain. */
    static void run(String db, Path dir) throws Exception {
        Path work = Files.createTempDirectory(dir, "writers");
        SigningKey owner = SigningKey.generate();
        try (LinearModel model = TinyFingerprints.target(11)) {
            for (int i = 0; i < 2 * PER_WRITER + 1; i++) {
                TinyFingerprints.write(work, "fp-" + i, FingerprintSigner.sign(TinyFingerprints.extract("sac-w", model, 10, 100 + i), owner));
            }
        }
        // SQLite: both writers find no registry key beside the database and race to make it; PostgreSQL: a named one
        boolean sqlite = DatabaseLocation.parse(db).dialect() == DatabaseLocation.Dialect.SQLITE;
        String keyDir = sqlite ? "-" : work.resolve("registry-key").toString();
        if (!sqlite) {
            KeyFiles.create(Path.of(keyDir));
        }
        Path go = work.resolve("go");
        List<Process> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ConcurrentWriterMain.class.getName(), db, work.toString(),
                    Integer.toString(w), keyDir);
            builder.redirectErrorStream(true);
            builder.redirectOutput(work.resolve("writer-" + w + ".log").toFile());
            writers.add(builder.start());
        }
        Files.createFile(go);
        for (int w = 0; w < 2; w++) {
            Process p = writers.get(w);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "writer " + w + " finished");
            String log = Files.readString(work.resolve("writer-" + w + ".log"));
            assertEquals(0, p.exitValue(), "writer " + w + ":\n" + log);
        }
        try (RegistryDatabase database = RegistryDatabase.open(db, OpenIntent.WRITE)) {
            assertEquals(2 * PER_WRITER + 1, new Registry(database).list().size(), "every add landed, the shared one once");
            EvidenceLog log = new EvidenceLog(database);
            assertEquals(2 * RECORDS_PER_WRITER, log.list().size());
            ChainReport report = log.verify(RegistryKey.forVerify(DatabaseLocation.parse(db), sqlite ? null : Path.of(keyDir)));
            assertTrue(report.intact(), report.problem());
            assertEquals(1, report.signers().size(), "both writers signed with the one registry key");
            assertEquals(2 * RECORDS_PER_WRITER, report.signedThrough());
        }
    }

}
