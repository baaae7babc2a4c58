package io.modelprint.cli;

import io.modelprint.registry.AddResult;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Register a fingerprint file (one scheme or a bundle) under its owner.",
            "The file is checked as verify checks it (a changed file is refused, nothing stored) and kept byte for byte;"
                    + " adding the same content again stores nothing and says so."})
final class RegistryAddCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FINGERPRINT", description = "fingerprint file (.npz) made by extract")
    Path file;

    @Option(names = "--owner", required = true, description = "who owns the fingerprinted model")
    String owner;

    @Option(names = "--name", description = "a name for it (default: the file name without .npz)")
    String name;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    OutputFormat format;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (RegistryDatabase database = db.open()) {
            AddResult result = new Registry(database).add(file, owner, name);
            if (format == OutputFormat.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("added", result.added());
                doc.put("fingerprint", RegistryViews.entry(result.entry()));
                JsonOutput.print(doc);
            } else {
                var e = result.entry();
                System.out.println(result.added()
                        ? "added " + e.id() + " (" + e.scheme() + ", owner " + Terminal.safe(e.owner()) + ", name "
                                + Terminal.safe(e.name()) + ") to " + database.location().describe()
                        : "already registered as " + e.id() + " (owner " + Terminal.safe(e.owner()) + ", name "
                                + Terminal.safe(e.name()) + "): nothing added");
            }
            return ExitCode.OK;
        }
    }
}
