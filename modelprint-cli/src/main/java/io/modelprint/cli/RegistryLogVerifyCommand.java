package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.ChainReport;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.RegistryDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recompute the evidence log's hash chain from its first record and name the first record that was"
                + " changed or removed.",
            "Prints the head hash: kept elsewhere (a report, a ticket), it anchors the log as it is now.",
            "Exit code 0 when the chain holds, 5 when it is broken."})
final class RegistryLogVerifyCommand implements Callable<Integer> {
    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (RegistryDatabase database = db.open(OpenIntent.READ)) {
            ChainReport report = new EvidenceLog(database).verify();
            if (format.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("db", database.location().describe());
                doc.put("intact", report.intact());
                doc.put("records", report.records());
                doc.put("headHash", report.headHash());
                if (!report.intact()) {
                    doc.put("firstBadRecord", report.firstBad());
                    doc.put("problem", report.problem());
                }
                JsonOutput.print(doc);
            } else if (report.intact()) {
                System.out.println("evidence log intact: " + report.records() + " records, head " + report.headHash());
            } else {
                System.out.println("evidence log BROKEN at record " + report.firstBad() + ": " + report.problem());
            }
            return report.intact() ? ExitCode.OK : ExitCode.EVIDENCE_BROKEN;
        }
    }
}
