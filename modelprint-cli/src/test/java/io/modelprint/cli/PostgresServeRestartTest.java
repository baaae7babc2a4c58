package io.modelprint.cli;

import io.modelprint.service.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** {@link ServeRestartContract} on a real PostgreSQL server ({@link TestDatabases}). */
class PostgresServeRestartTest extends ServeRestartContract {
    private static final TestDatabases DATABASES = new TestDatabases();

    @Override
    String newDatabase(Path dir) throws Exception {
        return DATABASES.postgres();
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        DATABASES.dropAll();
    }
}
