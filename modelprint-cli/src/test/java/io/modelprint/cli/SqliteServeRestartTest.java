package io.modelprint.cli;

import java.nio.file.Path;

class SqliteServeRestartTest extends ServeRestartContract {
    @Override
    String newDatabase(Path dir) {
        return dir.resolve("registry.db").toString();
    }
}
