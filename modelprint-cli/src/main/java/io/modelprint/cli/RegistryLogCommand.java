package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.EvidenceRecord;
import io.modelprint.registry.RegistryDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "log", mixinStandardHelpOptions = true,
        description = {"List the evidence log: every check scan and verify --db made (time, tool version, suspect identity,"
                + " fingerprint and its owner, SHA-256 of the answers, similarity, p-value, verdict), oldest first.",
            "'registry log verify' recomputes its hash chain."},
        subcommands = RegistryLogVerifyCommand.class)
final class RegistryLogCommand implements Callable<Integer> {
    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (RegistryDatabase database = db.open(OpenIntent.READ)) {
            List<EvidenceRecord> records = new EvidenceLog(database).list();
            if (format.json()) {
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
            // every cell through Terminal.safe (Columns): the database is not trusted to hold printable text
            Columns table = new Columns(-5, 30, 12, 12, 10, -10, -9, 11, 16).row("seq", "time", "fingerprint", "owner", "scheme",
                    "similarity", "p-value", "verdict", "record hash", "suspect");
            for (EvidenceRecord r : records) {
                table.row(Long.toString(r.seq()), r.recordedAt(), r.fingerprintId(), r.owner() == null ? "-" : r.owner(), r.scheme(),
                        String.format("%.4f", r.similarity()),
                        r.pValue() == null ? "-" : String.format("%.2g", r.pValue()), r.verdict(),
                        r.recordHash() == null ? "-" : r.recordHash().substring(0, Math.min(16, r.recordHash().length())), r.suspect());
            }
            table.print();
            return ExitCode.OK;
        }
    }
}
