package io.modelprint.service;

import java.nio.file.Path;

class SqliteServiceRolesTest extends ServiceRolesContract {
    @Override
    String newDatabase(Path dir) {
        return TestDatabases.sqlite(dir);
    }
}
