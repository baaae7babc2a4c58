package io.modelprint.cli;

import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.DatabaseLocation;
import io.modelprint.registry.RegistryDatabase;
import picocli.CommandLine.Option;

/** {@code --db}: the registry's database. */
final class DbOption {
    @Option(names = "--db", paramLabel = "DB",
            description = {"registry database: a file path (SQLite, created owner-only) or a jdbc:postgresql://host:port/db URL"
                    + " (credentials from the URL, PGUSER/PGPASSWORD or ~/.pgpass; never printed).",
                "Default: $" + DatabaseLocation.ENV + ", else ./" + DatabaseLocation.DEFAULT_FILE})
    String db;

    RegistryDatabase open(OpenIntent access) {
        return RegistryDatabase.open(db, access);
    }
}
