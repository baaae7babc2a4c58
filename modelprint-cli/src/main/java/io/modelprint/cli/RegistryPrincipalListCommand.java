package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.service.Principal;
import io.modelprint.registry.service.Principals;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the principals of registry serve (never their tokens).")
final class RegistryPrincipalListCommand implements Callable<Integer> {
    @Mixin
    FormatOption format;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        try (RegistryDatabase database = db.open(OpenIntent.READ)) {
            List<Principal> all = new Principals(database).list();
            if (format.json()) {
                JsonOutput.print(Map.of("principals", all.stream().map(p -> Map.of("name", p.name(), "role", p.role().label(),
                        "createdAt", p.createdAt())).toList()));
                return ExitCode.OK;
            }
            Columns table = new Columns(20, 8).row("name", "role", "created");
            all.forEach(p -> table.row(p.name(), p.role().label(), p.createdAt()));
            table.print();
        }
        return ExitCode.OK;
    }
}
