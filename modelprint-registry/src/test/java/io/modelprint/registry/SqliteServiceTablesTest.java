package io.modelprint.registry;

import java.nio.file.Path;

class SqliteServiceTablesTest extends ServiceTablesContract {
    @Override
    String newDatabase(Path dir) {
        return dir.resolve("registry.db").toString();
    }
}
