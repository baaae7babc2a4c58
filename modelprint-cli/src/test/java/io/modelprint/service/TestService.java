package io.modelprint.service;

import io.modelprint.registry.DatabaseLocation;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryDatabase;
import io.modelprint.registry.service.Principals;
import io.modelprint.registry.service.Role;
import io.modelprint.signature.SigningKey;
import java.nio.file.Path;
import java.time.Duration;

/** A {@link RegistryService} on a free loopback port over a database of the test's, with principals made in that database. */
final class TestService implements AutoCloseable {
    final String db;
    final SigningKey registryKey = SigningKey.generate();
    final Path uploadDir;
    final RegistryService service;
    final Http http;

    TestService(String db, Path dir, SuspectScanner scanner, int maxQueue, long maxUploadBytes) {
        this.db = db;
        this.uploadDir = dir.resolve("uploads");
        this.service = new RegistryService(DatabaseLocation.parse(db), registryKey,
                new ServiceSettings(uploadDir, maxUploadBytes, 1 << 20, maxQueue, 1, 2, true), scanner).start("127.0.0.1", 0);
        this.http = new Http(service.port());
    }

    String token(String name, Role role) {
        return token(name, role, null);
    }

    String token(String name, Role role, Duration validFor) {
        try (RegistryDatabase database = open()) {
            return new Principals(database).add(name, role, validFor).token();
        }
    }

    RegistryDatabase open() {
        return RegistryDatabase.open(db, OpenIntent.WRITE);
    }

    @Override
    public void close() {
        service.close();
    }
}
