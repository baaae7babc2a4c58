package io.modelprint.registry;

import java.nio.file.Path;

class SqliteLegacyDatabaseTest extends LegacyDatabaseContract {
    @Override
    String newDatabase(Path dir) {
        return dir.resolve("old.db").toString();
    }
}
