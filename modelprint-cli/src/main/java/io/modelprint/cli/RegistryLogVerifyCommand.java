package io.modelprint.cli;

import io.modelprint.registry.ChainReport;
import io.modelprint.registry.EvidenceLog;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.signature.Ed25519;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Recompute the evidence log's hash chain from its first record, check the registry's signatures, and name"
                + " the first record that was changed, removed or wrongly signed.",
            "Signatures are checked against the registry's public key (--registry-key, or DB.key/ beside an SQLite database);"
                    + " without one, against the keys the database lists, which are printed to compare with the key the registry's"
                    + " operator published.",
            "Prints the head hash: kept elsewhere (a report, a ticket), it anchors the log as it is now.",
            "Exit code 0 when the chain holds, 5 when it is broken."})
final class RegistryLogVerifyCommand implements Callable<Integer> {
    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Mixin
    RegistryKeyOption registryKey;

    @Override
    public Integer call() {
        try (RegistryDatabase database = db.open(OpenIntent.READ)) {
            PublicKey expected = registryKey.forVerify(database);
            ChainReport report = new EvidenceLog(database).verify(expected);
            if (format.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("db", database.location().describe());
                doc.putAll(RegistryViews.chainReport(report));
                JsonOutput.print(doc);
            } else if (report.intact()) {
                System.out.println("evidence log intact: " + report.records() + " records, head " + report.headHash());
                System.out.println(signatures(report, expected));
            } else {
                System.out.println("evidence log BROKEN at record " + report.firstBad() + ": " + Terminal.safe(report.problem()));
            }
            return report.intact() ? ExitCode.OK : ExitCode.EVIDENCE_BROKEN;
        }
    }

    private static String signatures(ChainReport report, PublicKey expected) {
        if (report.signedThrough() == 0) {
            return "no registry signature yet" + (report.records() == 0 ? "" : ": the records were written before the registry signed"
                    + " its log");
        }
        String keys = String.join(", ", report.signers().stream().map(Ed25519::shortId).toList());
        String text = "registry signatures verified through record " + report.signedThrough() + ", by key " + keys
                + (expected != null ? " (the registry's key)" : " (as the database lists it: compare with the registry's published"
                        + " key)");
        return report.unsignedTail() == 0 ? text : text + "; records " + (report.signedThrough() + 1) + " to " + report.records()
                + " were written before the registry signed its log";
    }
}
