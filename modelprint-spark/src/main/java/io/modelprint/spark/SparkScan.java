package io.modelprint.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelprint.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code modelprint scan --spark}: the registry scan as a Spark application. Started by the CLI in a
 * JVM of its own (Spark's classpath stays out of the CLI's), or by {@code spark-submit --class
 * io.modelprint.spark.SparkScan} on a cluster (docs/registry.md).
 */
@Command(name = "modelprint scan --spark", mixinStandardHelpOptions = true,
        description = "Scan many suspects against every registered fingerprint on Apache Spark.")
public final class SparkScan implements Callable<Integer> {
    @Option(names = "--db", description = "registry database (file path for SQLite, or jdbc:postgresql:// URL); default as for scan")
    String db;

    @Option(names = "--registry-key", paramLabel = "DIR", description = "the registry's key directory, which signs the evidence log"
            + " (default as for scan: $MODELPRINT_REGISTRY_KEY, else DB.key beside an SQLite database)")
    Path registryKey;

    @Option(names = "--master", description = {"Spark master: local[*] (default), local[N], spark://host:port, yarn, ...;",
        "repeated, the scan runs once per master, in order, and the speed-up over the first is reported"})
    List<String> masters;

    @Option(names = "--suspects", required = true, description = "a file listing one model path or URL per line, or a directory of models")
    Path suspects;

    @Option(names = "--out", defaultValue = "modelprint-scan.parquet",
            description = "Parquet directory (or hdfs://, s3a:// ... URI) for the rows (default ${DEFAULT-VALUE}; replaced)")
    String out;

    @Option(names = "--threshold", description = "one similarity threshold for every scheme (default: each scheme's own)")
    Double threshold;

    @Option(names = "--alpha", defaultValue = "0.01", description = "bundles: combined p-value threshold (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--partitions", defaultValue = "0", description = "tasks to split the suspects into (default: 4 per core)")
    int partitions;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new InputException("--format: expected text or json, got " + format);
        }
        if (threshold != null && !(threshold >= -1 && threshold <= 1)) {
            throw new InputException("--threshold must be in [-1,1], got " + threshold);
        }
        if (partitions < 0) {
            throw new InputException("--partitions must be >= 0, got " + partitions);
        }
        List<String> list = SuspectList.read(suspects);
        List<String> runs = masters == null || masters.isEmpty() ? List.of("local[*]") : masters;
        List<Map<String, Object>> reports = new ArrayList<>();
        boolean anyFailed = false;
        for (String master : runs) {
            SparkScanJob.Summary summary;
            SparkSession spark = session(master);
            try {
                summary = SparkScanJob.run(spark, db, registryKey, list, threshold, alpha, partitions, out);
            } finally {
                spark.stop();
            }
            anyFailed |= summary.failed() > 0;
            reports.add(report(master, summary));
            if (format.equals("text")) {
                printText(master, summary);
            }
        }
        if (runs.size() > 1 && format.equals("text")) {
            double first = (Double) reports.get(0).get("suspectsPerSecond");
            for (int i = 1; i < reports.size(); i++) {
                System.out.printf("speed-up %s over %s: %.2fx%n", runs.get(i), runs.get(0),
                        (Double) reports.get(i).get("suspectsPerSecond") / first);
            }
        }
        if (format.equals("json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("suspects", list.size());
            doc.put("out", out);
            doc.put("runs", reports);
            try {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return anyFailed ? 1 : 0;
    }

    static SparkSession session(String master) {
        SparkConf conf = new SparkConf().setAppName("modelprint scan").setMaster(master)
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (master.startsWith("local")) {
            conf.set("spark.driver.bindAddress", "127.0.0.1").set("spark.driver.host", "127.0.0.1");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    private Map<String, Object> report(String master, SparkScanJob.Summary s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("master", master);
        r.put("suspects", s.suspects());
        r.put("fingerprints", s.fingerprints());
        r.put("checks", s.checks());
        r.put("derived", s.derived());
        r.put("failed", s.failed());
        r.put("seconds", s.seconds());
        r.put("suspectsPerSecond", s.suspectsPerSecond());
        r.put("taskSecondsPerSuspect", s.taskSeconds() / s.suspects());
        List<Map<String, Object>> notable = new ArrayList<>();
        for (ScanRow row : s.notable()) {
            if (row.getError() != null || "derived".equals(row.getVerdict())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("suspect", row.getSuspect());
                if (row.getError() != null) {
                    m.put("error", row.getError());
                } else {
                    m.put("fingerprint", row.getFingerprintId());
                    m.put("owner", row.getOwner());
                    m.put("scheme", row.getScheme());
                    m.put("similarity", row.getSimilarity());
                    m.put("pValue", row.getPValue());
                }
                notable.add(m);
            }
        }
        r.put("derivedOrFailed", notable);
        return r;
    }

    private void printText(String master, SparkScanJob.Summary s) {
        System.out.printf("spark scan on %s: %d suspects x %d fingerprints in %.1f s (%.2f suspects/s; %.3f task-s per suspect);"
                + " %d checks, %d derived, %d suspects failed; rows in %s, every check in the evidence log%n", master, s.suspects(),
                s.fingerprints(), s.seconds(), s.suspectsPerSecond(), s.taskSeconds() / s.suspects(), s.checks(), s.derived(),
                s.failed(), out);
        print(s.notable().stream().filter(r -> r.getError() != null).toList(), "failed");
        print(s.notable().stream().filter(r -> "derived".equals(r.getVerdict())).toList(), "derived");
    }

    private void print(List<ScanRow> rows, String what) {
        int limit = 20;
        for (ScanRow row : rows.subList(0, Math.min(limit, rows.size()))) {
            System.out.println(row.getError() != null ? "  " + row.getSuspect() + ": error: " + row.getError()
                    : String.format("  %s: derived from %s (owner %s, %s, similarity %.4f%s)", row.getSuspect(), row.getFingerprintId(),
                            row.getOwner(), row.getScheme(), row.getSimilarity(),
                            row.getPValue() == null ? "" : String.format(", p %.2g", row.getPValue())));
        }
        if (rows.size() > limit) {
            System.out.println("  ... " + (rows.size() - limit) + " more " + what + " (all rows in " + out + ")");
        }
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new SparkScan());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            System.err.println("modelprint scan --spark: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getName()));
            if (!(e instanceof InputException)) {
                e.printStackTrace();
                return 3;
            }
            return 2;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("modelprint scan --spark: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
