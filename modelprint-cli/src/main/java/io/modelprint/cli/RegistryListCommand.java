package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.signature.Ed25519;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegistryEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered fingerprints, oldest first.")
final class RegistryListCommand implements Callable<Integer> {
    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (RegistryDatabase database = db.open(OpenIntent.READ)) {
            List<RegistryEntry> entries = new Registry(database).list();
            if (format.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("db", database.location().describe());
                doc.put("fingerprints", entries.stream().map(RegistryViews::entry).toList());
                JsonOutput.print(doc);
                return ExitCode.OK;
            }
            if (entries.isEmpty()) {
                System.out.println("no fingerprints in " + database.location().describe() + " (add one: modelprint registry add F.npz --owner NAME)");
                return ExitCode.OK;
            }
            Columns table = new Columns(12, 16, 16, 24, 24, -7, 10).row("id", "owner", "key", "name", "scheme", "queries", "calibrated",
                    "added");
            for (RegistryEntry e : entries) {
                table.row(e.id(), e.owner(), e.ownerKey() == null ? "- (unsigned)" : Ed25519.shortId(e.ownerKey()), e.name(), e.scheme(),
                        Integer.toString(e.queries()), e.calibrated() ? "yes" : "no", e.addedAt());
            }
            table.print();
            return ExitCode.OK;
        }
    }
}
