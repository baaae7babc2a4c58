package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegistryEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove a registered fingerprint; the evidence records that refer to it stay in the log.")
final class RegistryRemoveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "its id, or a unique prefix of at least 4 hex digits")
    String id;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (RegistryDatabase database = db.open(OpenIntent.WRITE)) {
            Registry registry = new Registry(database);
            RegistryEntry entry = registry.show(id);
            registry.remove(entry);
            System.out.println("removed " + entry.id() + " (owner " + Terminal.safe(entry.owner()) + ", name "
                    + Terminal.safe(entry.name()) + ")");
            return ExitCode.OK;
        }
    }
}
