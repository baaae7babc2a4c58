package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegistryEntry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a registered fingerprint back to a file, byte for byte as it was added.")
final class RegistryExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "its id, or a unique prefix of at least 4 hex digits")
    String id;

    @Option(names = "--out", required = true, description = "file to write (.npz); written atomically, owner-only")
    Path out;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        OutputPaths.requireWritable(out, "--out");
        try (RegistryDatabase database = db.open(OpenIntent.READ)) {
            Registry registry = new Registry(database);
            RegistryEntry entry = registry.show(id);
            registry.export(entry, out);
            System.err.println("wrote " + entry.id() + " to " + out);
            return ExitCode.OK;
        }
    }
}
