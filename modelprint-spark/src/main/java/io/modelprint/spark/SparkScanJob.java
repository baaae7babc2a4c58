package io.modelprint.spark;

import io.modelprint.InputException;
import io.modelprint.io.Sha256;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegistryEntry;
import io.modelprint.registry.RegistryKey;
import io.modelprint.registry.StoredFile;
import io.modelprint.signature.SigningKey;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The driver of a Spark scan: reads the registry, broadcasts its fingerprints once, partitions the
 * suspects over the executors ({@link ScanTask}), collects the rows, writes them to Parquet and appends
 * every check to the evidence log (the driver alone writes to the database).
 */
public final class SparkScanJob {
    /** Rows kept in the summary (failed suspects and derived verdicts, in order); all rows are in the Parquet output. */
    static final int NOTABLE_LIMIT = 1000;
    /** Evidence records appended per transaction while the rows stream back to the driver. */
    static final int EVIDENCE_BATCH = 10_000;

    /**
     * What a run did, for the summary and the benchmark.
     *
     * @param taskSeconds load and scan time of every suspect, summed over the tasks (core-seconds)
     * @param notable up to {@link #NOTABLE_LIMIT} rows of failed suspects and derived verdicts, in suspect order
     */
    public record Summary(int suspects, int fingerprints, int failed, long checks, long derived, double seconds,
            double taskSeconds, List<ScanRow> notable) {
        public double suspectsPerSecond() {
            return suspects / seconds;
        }
    }

    private SparkScanJob() {}

    /**
     * @param partitions suspects are split into this many tasks (0: 4 per core of the master)
     * @param out Parquet directory (or URI) for the rows, or null for none
     */
    public static Summary run(SparkSession spark, String db, Path registryKey, List<String> suspects, Double threshold, double alpha,
            int partitions, String out) {
        long start = System.nanoTime();
        List<StoredFile> files;
        SigningKey signer;
        try (RegistryDatabase database = RegistryDatabase.open(db, OpenIntent.WRITE)) {
            files = new Registry(database).files();
            signer = RegistryKey.forAppend(database.location(), registryKey); // before the job: a missing key stops it early
        }
        if (files.isEmpty()) {
            throw new InputException(io.modelprint.registry.DatabaseLocation.parse(db).describe()
                    + ": the registry holds no fingerprints; add some with modelprint registry add F.npz --owner NAME");
        }
        List<RegistryEntry> entries = files.stream().map(StoredFile::entry).toList();
        String key = Sha256.hex(String.join("\n", entries.stream().map(RegistryEntry::contentSha256).toList())
                .getBytes(StandardCharsets.UTF_8));
        FingerprintBroadcast shipped = new FingerprintBroadcast(key, new ArrayList<>(entries),
                new ArrayList<>(files.stream().map(StoredFile::bytes).toList()));

        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<FingerprintBroadcast> broadcast = context.broadcast(shipped);
        int slices = partitions > 0 ? partitions : Math.max(1, Math.min(suspects.size(), 4 * context.defaultParallelism()));
        // computed once, read twice (Parquet, then the evidence): never collected whole on the driver
        JavaRDD<ScanRow> rows = context.parallelize(suspects, slices)
                .mapPartitions(new ScanTask(broadcast, threshold, alpha))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            if (out != null) {
                spark.createDataFrame(rows, ScanRow.class).write().mode(SaveMode.Overwrite).parquet(out);
            } else {
                rows.count(); // compute every partition in parallel: toLocalIterator below would run them one at a time
            }
            Tally tally = appendEvidence(db, signer, rows.toLocalIterator());
            return new Summary(suspects.size(), entries.size(), tally.failed, tally.checks, tally.derived,
                    (System.nanoTime() - start) / 1e9, tally.taskSeconds, tally.notable);
        } finally {
            rows.unpersist(false);
            broadcast.destroy();
        }
    }

    /** Counts of the rows as they stream back, and the notable ones. */
    private static final class Tally {
        int failed;
        long checks;
        long derived;
        double taskSeconds;
        final List<ScanRow> notable = new ArrayList<>();

        void add(ScanRow row) {
            taskSeconds += row.getLoadSeconds() + row.getScanSeconds();
            failed += row.getError() != null ? 1 : 0;
            checks += row.checked() ? 1 : 0;
            derived += "derived".equals(row.getVerdict()) ? 1 : 0;
            if ((row.getError() != null || "derived".equals(row.getVerdict())) && notable.size() < NOTABLE_LIMIT) {
                notable.add(row);
            }
        }
    }

    /** Every check to the evidence log, suspect by suspect in the order they were listed (the partitions' order). */
    private static Tally appendEvidence(String db, SigningKey key, Iterator<ScanRow> rows) {
        Tally tally = new Tally();
        try (RegistryDatabase database = RegistryDatabase.open(db, OpenIntent.WRITE)) {
            EvidenceLog log = new EvidenceLog(database, key);
            List<EvidenceRecord> batch = new ArrayList<>();
            while (rows.hasNext()) {
                ScanRow row = rows.next();
                tally.add(row);
                if (row.checked()) {
                    batch.add(row.toEvidence());
                    if (batch.size() == EVIDENCE_BATCH) {
                        log.append(batch);
                        batch.clear();
                    }
                }
            }
            log.append(batch);
        }
        return tally;
    }
}
