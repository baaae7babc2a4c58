package io.modelprint.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One of {@link ConcurrentWriters}' processes: waits for the start signal, then adds and logs. */
public final class ConcurrentWriterMain {
    private ConcurrentWriterMain() {}

    public static void main(String[] args) throws Exception {
        String db = args[0];
        Path work = Path.of(args[1]);
        int writer = Integer.parseInt(args[2]);
        Path keyDir = args[3].equals("-") ? null : Path.of(args[3]);
        while (!Files.exists(work.resolve("go"))) {
            Thread.sleep(5);
        }
        try (RegistryDatabase database = RegistryDatabase.open(db, OpenIntent.WRITE)) {
            Registry registry = new Registry(database);
            EvidenceLog log = new EvidenceLog(database, RegistryKey.forAppend(database.location(), keyDir));
            for (int i = 0; i < ConcurrentWriters.RECORDS_PER_WRITER; i++) {
                if (i < ConcurrentWriters.PER_WRITER) {
                    registry.add(work.resolve("fp-" + (writer * ConcurrentWriters.PER_WRITER + i) + ".npz"), "owner-" + writer, null);
                }
                if (i == 1) {
                    registry.add(work.resolve("fp-" + 2 * ConcurrentWriters.PER_WRITER + ".npz"), "shared", null);
                }
                log.append(List.of(new EvidenceRecord(0, "2026-01-01T00:00:00Z", "writer-" + writer, "suspect-" + i, null, null,
                        "abcdabcdabcd", "ef".repeat(32), "sac-w", 10, "01".repeat(32), i / 10.0, 0.5, null, "independent", null, null)));
            }
        }
        System.out.println("writer " + writer + " done");
    }
}
