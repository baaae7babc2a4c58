package io.modelprint.service;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;

/** {@link ServiceRolesContract} on a real PostgreSQL server ({@link TestDatabases}). */
class PostgresServiceRolesTest extends ServiceRolesContract {
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
