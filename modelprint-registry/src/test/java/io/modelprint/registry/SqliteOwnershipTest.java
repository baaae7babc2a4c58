package io.modelprint.registry;

import java.nio.file.Path;

class SqliteOwnershipTest extends OwnershipContract {
    @Override
    String newDatabase(Path dir) {
        return dir.resolve("registry.db").toString();
    }
}
