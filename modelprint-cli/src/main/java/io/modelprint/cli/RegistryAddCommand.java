package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.AddResult;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.InputException;
import io.modelprint.signature.Ed25519;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Register fingerprint files (one scheme or a bundle each) under their owner.",
            "The file is checked as verify checks it (a changed file, a signature that does not verify or a scheme that does not"
                    + " fit its arrays is refused, nothing stored) and kept byte for byte; adding the same content again stores"
                    + " nothing and says so.",
            "The file must be signed by its owner (keys new, then sign or extract --sign): the owner name and the fingerprint's"
                    + " id are bound to the signing key, and another key cannot take either over."})
final class RegistryAddCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FINGERPRINT", description = "fingerprint files (.npz) made by extract")
    List<Path> files;

    @Option(names = "--owner", required = true, description = "who owns the fingerprinted model")
    String owner;

    @Option(names = "--name", description = "a name for it (one file only; default: the file name without .npz)")
    String name;

    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        if (name != null && files.size() > 1) {
            throw new InputException("--name names one fingerprint; " + files.size() + " files were given");
        }
        try (RegistryDatabase database = db.open(OpenIntent.WRITE)) {
            Registry registry = new Registry(database);
            List<Map<String, Object>> results = new ArrayList<>();
            for (Path file : files) {
                AddResult result = registry.add(file, owner, name);
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("file", file.toString());
                doc.put("added", result.added());
                doc.put("fingerprint", RegistryViews.entry(result.entry()));
                results.add(doc);
                if (!format.json()) {
                    var e = result.entry();
                    System.out.println(result.added()
                            ? "added " + e.id() + " (" + e.scheme() + ", owner " + Terminal.safe(e.owner()) + ", key "
                                    + Ed25519.shortId(e.ownerKey()) + ", name " + Terminal.safe(e.name()) + ") to "
                                    + database.location().describe()
                            : "already registered as " + e.id() + " (owner " + Terminal.safe(e.owner()) + ", name "
                                    + Terminal.safe(e.name()) + "): nothing added");
                }
            }
            if (format.json()) {
                JsonOutput.print(results.size() == 1 ? results.get(0) : Map.of("results", results));
            }
            return ExitCode.OK;
        }
    }
}
