package io.modelprint.cli;

import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.RegistryKey;
import io.modelprint.signature.SigningKey;
import java.nio.file.Path;
import java.security.PublicKey;
import picocli.CommandLine.Option;

/** {@code --registry-key DIR}: the registry's own key, which signs its evidence log ({@link RegistryKey} says where it is found). */
final class RegistryKeyOption {
    @Option(names = "--registry-key", paramLabel = "DIR",
            description = {"the registry's key directory (it signs the evidence log). Default: $" + RegistryKey.ENV + ", else"
                    + " DB" + RegistryKey.SUFFIX + "/ beside an SQLite database (made on first use); a PostgreSQL registry needs"
                    + " it named (modelprint keys new --out DIR)"})
    Path dir;

    SigningKey forAppend(RegistryDatabase database) {
        return RegistryKey.forAppend(database.location(), dir);
    }

    /** The registry's public key, or null when none is found (the log is then checked against the keys the database lists). */
    PublicKey forVerify(RegistryDatabase database) {
        return RegistryKey.forVerify(database.location(), dir);
    }
}
