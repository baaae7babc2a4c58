package io.modelprint.spark;

import io.modelprint.InputException;
import io.modelprint.io.Sha256;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegistryEntry;
import io.modelprint.registry.StoredFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The driver of a Spark scan: reads the registry, broadcasts its fingerprints once, partitions the
 * suspects over the executors ({@link ScanTask}), collects the rows, writes them to Parquet and appends
 * every check to the evidence log (the driver alone writes to the database).
 */
public final class SparkScanJob {
    /** What a run did, for the summary and the benchmark. */
    public record Summary(int suspects, int fingerprints, int failed, long checks, long derived, double seconds,
            double taskSeconds, List<ScanRow> rows) {
        public double suspectsPerSecond() {
            return suspects / seconds;
        }
    }

    private SparkScanJob() {}

    /**
     * @param partitions suspects are split into this many tasks (0: 4 per core of the master)
     * @param out Parquet directory (or URI) for the rows, or null for none
     */
    public static Summary run(SparkSession spark, String db, List<String> suspects, Double threshold, double alpha, int partitions,
            String out) {
        long start = System.nanoTime();
        List<StoredFile> files;
        try (RegistryDatabase database = RegistryDatabase.open(db)) {
            files = new Registry(database).files();
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
        JavaRDD<ScanRow> rows = context.parallelize(suspects, slices)
                .mapPartitions(new ScanTask(broadcast, threshold, alpha));
        List<ScanRow> collected = rows.collect();
        if (out != null) {
            spark.createDataset(collected, Encoders.bean(ScanRow.class)).toDF().write().mode(SaveMode.Overwrite).parquet(out);
        }
        appendEvidence(db, suspects, collected);
        broadcast.destroy();
        double seconds = (System.nanoTime() - start) / 1e9;
        long failed = collected.stream().filter(r -> r.getError() != null).count();
        long checks = collected.stream().filter(ScanRow::checked).count();
        long derived = collected.stream().filter(r -> "derived".equals(r.getVerdict())).count();
        double taskSeconds = collected.stream().mapToDouble(r -> r.getLoadSeconds() + r.getScanSeconds()).sum();
        return new Summary(suspects.size(), entries.size(), (int) failed, checks, derived, seconds, taskSeconds, collected);
    }

    /** The evidence of every check, suspect by suspect in the order they were listed (rows come back in that order). */
    private static void appendEvidence(String db, List<String> suspects, List<ScanRow> rows) {
        List<EvidenceRecord> records = rows.stream().filter(ScanRow::checked).map(ScanRow::toEvidence).toList();
        try (RegistryDatabase database = RegistryDatabase.open(db)) {
            new EvidenceLog(database).append(records);
        }
    }
}
