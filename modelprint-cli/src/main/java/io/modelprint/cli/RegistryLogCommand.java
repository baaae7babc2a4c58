package io.modelprint.cli;

import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.RegistryDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"List the evidence log: every check scan and verify --db made (time, tool version, suspect identity,"
                + " fingerprint, SHA-256 of the answers, similarity, p-value, verdict), oldest first.",
            "'registry log verify' recomputes its hash chain."},
        subcommands = RegistryLogVerifyCommand.class)
final class RegistryLogCommand implements Callable<Integer> {
    @Option(names = "--format", defaultValue = "text", description = "text or json")
    OutputFormat format;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (RegistryDatabase database = db.open()) {
            List<EvidenceRecord> records = new EvidenceLog(database).list();
            if (format == OutputFormat.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("db", database.location().describe());
                doc.put("records", records.stream().map(RegistryViews::record).toList());
                JsonOutput.print(doc);
                return ExitCode.OK;
            }
            if (records.isEmpty()) {
                System.out.println("the evidence log of " + database.location().describe() + " is empty");
                return ExitCode.OK;
            }
            System.out.printf("%5s  %-30s  %-12s  %-10s  %10s  %9s  %-11s  %-16s  %s%n", "seq", "time", "fingerprint", "scheme",
                    "similarity", "p-value", "verdict", "record hash", "suspect");
            for (EvidenceRecord r : records) {
                System.out.printf("%5d  %-30s  %-12s  %-10s  %10.4f  %9s  %-11s  %-16s  %s%n", r.seq(), r.recordedAt(),
                        r.fingerprintId(), r.scheme(), r.similarity(), r.pValue() == null ? "-" : String.format("%.2g", r.pValue()),
                        r.verdict(), r.recordHash().substring(0, 16), Terminal.safe(r.suspect()));
            }
            return ExitCode.OK;
        }
    }
}
