package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.RegistryDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Check suspects against every fingerprint in the registry.",
            "Each suspect is opened once per input spec of the registered fingerprints and asked the queries of every"
                    + " fingerprint it can be checked against (same input, same class count, the access the scheme needs); a"
                    + " fingerprint whose queries it cannot take is listed as not checked, with the reason. Identical queries are"
                    + " asked once, in as few model calls or HTTP requests as the batch size allows; the fingerprints are then ranked (derived first,"
                    + " smallest p-value, largest similarity above threshold). Every check is appended to the evidence log, with"
                    + " the fingerprint's owner, and the registry signs it (--registry-key). A registered fingerprint that cannot"
                    + " be used is listed as not checked, with the reason; the scan goes on.",
            "Exit codes: 0 every suspect scanned; 1 some suspect failed (its error is shown, the others go on); 2 bad input,"
                    + " an empty registry included."})
final class ScanCommand implements Callable<Integer> {
    @Mixin
    VerdictOptions verdictOptions;

    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Mixin
    SuspectOptions suspectOptions;

    @Mixin
    RegistryKeyOption registryKey;

    @Parameters(arity = "0..*", paramLabel = "SUSPECT", description = {"model directories, TorchScript .pt or ONNX .onnx files,",
        "or Open Inference Protocol model URLs http(s)://host:port/v2/models/<name>"})
    List<String> suspects;

    @Option(names = "--spark", description = {"run the scan as an Apache Spark job (a JVM of its own): suspects from --suspects"
            + " partitioned over the executors, the registry's fingerprints broadcast once; rows to Parquet (--out), every"
            + " check to the evidence log by the driver"})
    boolean spark;

    @Option(names = "--master", paramLabel = "MASTER",
            description = "with --spark: local[*] (default), local[N], spark://host:port, yarn; repeated, the scan runs once per"
                    + " master in order and the speed-up is reported")
    List<String> masters;

    @Option(names = "--suspects", paramLabel = "FILE|DIR",
            description = "with --spark: a file with one model path or URL per line, or a directory of models")
    Path suspectList;

    @Option(names = "--out", paramLabel = "DIR", description = "with --spark: Parquet directory (or hdfs:// ... URI) for the rows"
            + " (default modelprint-scan.parquet)")
    String out;

    @Option(names = "--partitions", description = "with --spark: tasks to split the suspects into (default 4 per core)")
    Integer partitions;

    @Option(names = "--report", paramLabel = "DIR", description = {"write each suspect's ownership report to DIR (made if missing):"
        + " one self-contained HTML page per suspect, named from the suspect (NAME-HASH.html); owner-only: it shows the queries"})
    Path reportDir;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() {
        if (spark && reportDir != null) {
            throw new InputException("--report goes without --spark: scan the suspects to report on without it");
        }
        if (spark) {
            return SparkScanLauncher.run(sparkArguments());
        }
        if (masters != null || suspectList != null || out != null || partitions != null) {
            throw new InputException("--master, --suspects, --out and --partitions go with --spark");
        }
        if (suspects == null || suspects.isEmpty()) {
            throw new InputException("scan: name at least one SUSPECT (or use --spark --suspects FILE|DIR)");
        }
        verdictOptions.validateThreshold();
        verdictOptions.validateAlpha();
        suspectOptions.remoteOptions();
        try (RegistryDatabase database = db.open(OpenIntent.WRITE)) {
            RegistryScan scan = RegistryScan.prepare(database, verdictOptions, suspectOptions);
            ScanReport report = ScanReport.of(reportDir, commandSpec, database.location().describe());
            EvidenceLog log = new EvidenceLog(database, registryKey.forAppend(database));
            List<Map<String, Object>> results = new ArrayList<>();
            boolean anyFailed = false;
            if (!format.json()) {
                System.out.println("scanning " + suspects.size() + " suspect(s) against " + scan.fingerprints()
                        + " fingerprint(s) in " + database.location().describe());
            }
            for (String suspect : suspects) {
                RegistryScan.Outcome outcome = scan.check(suspect, suspect, log, null);
                Map<String, Object> result = outcome.result();
                anyFailed |= result.containsKey("error");
                if (report != null) {
                    result.put("report", report.write(suspect, outcome.identity(), outcome.error(), outcome.matches(), scan.registered(),
                            outcome.stored()).toString());
                }
                results.add(result);
                if (!format.json()) {
                    ScanViews.printText(result);
                }
            }
            if (format.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("db", database.location().describe());
                doc.put("fingerprints", scan.fingerprints());
                doc.put("results", results);
                JsonOutput.print(doc);
            }
            return anyFailed ? ExitCode.PARTIAL_FAILURE : ExitCode.OK;
        }
    }

    private List<String> sparkArguments() {
        if (suspects != null && !suspects.isEmpty()) {
            throw new InputException("scan --spark takes its suspects from --suspects FILE|DIR, not from the command line");
        }
        if (suspectList == null) {
            throw new InputException("scan --spark needs --suspects FILE|DIR (a list of model paths or URLs, or a directory of models)");
        }
        List<String> args = new ArrayList<>(List.of("--suspects", suspectList.toString(), "--alpha", Double.toString(verdictOptions.alpha),
                "--format", format.format.name()));
        if (db.db != null) {
            args.addAll(List.of("--db", db.db));
        }
        if (registryKey.dir != null) {
            args.addAll(List.of("--registry-key", registryKey.dir.toString()));
        }
        if (masters != null) {
            masters.forEach(master -> args.addAll(List.of("--master", master)));
        }
        if (out != null) {
            args.addAll(List.of("--out", out));
        }
        if (verdictOptions.threshold != null) {
            args.addAll(List.of("--threshold", verdictOptions.threshold.toString()));
        }
        if (partitions != null) {
            args.addAll(List.of("--partitions", partitions.toString()));
        }
        return args;
    }
}
