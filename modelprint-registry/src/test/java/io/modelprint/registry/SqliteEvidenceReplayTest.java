package io.modelprint.registry;

import java.nio.file.Path;

class SqliteEvidenceReplayTest extends EvidenceReplayContract {
    @Override
    String newDatabase(Path dir) {
        return dir.resolve("registry.db").toString();
    }
}
