package io.modelprint.registry;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** {@link EvidenceReplayContract} on a real PostgreSQL server (see {@link PostgresRegistryTest}). */
class PostgresEvidenceReplayTest extends EvidenceReplayContract {
    private static final PostgresDatabases DATABASES = new PostgresDatabases();

    @Override
    String newDatabase(Path dir) throws Exception {
        return DATABASES.create();
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        DATABASES.dropAll();
    }
}
