package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.Registry;
import io.modelprint.registry.RegistryDatabase;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one registered fingerprint.")
final class RegistryShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "its id, or a unique prefix of at least 4 hex digits")
    String id;

    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (RegistryDatabase database = db.open(OpenIntent.READ)) {
            Map<String, Object> view = RegistryViews.entry(new Registry(database).show(id));
            if (format.json()) {
                JsonOutput.print(view);
            } else {
                view.forEach((k, v) -> System.out.printf("%-14s %s%n", k, v == null ? "-" : Terminal.safe(String.valueOf(v))));
            }
            return ExitCode.OK;
        }
    }
}
