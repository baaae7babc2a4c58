package io.modelprint.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The registry on a real PostgreSQL server: {@code MODELPRINT_TEST_POSTGRES_URL} names a database whose
 * user may create databases (./test and .ci/run start Debian's PostgreSQL and set it through
 * scripts/test_postgres.sh). Each test gets a database of its own, dropped afterwards.
 */
class PostgresRegistryTest extends RegistryContract {
    static final String URL = System.getenv("MODELPRINT_TEST_POSTGRES_URL");
    private static final List<String> CREATED = new ArrayList<>();

    static String baseUrl() {
        if (URL == null || URL.isBlank()) {
            throw new IllegalStateException("MODELPRINT_TEST_POSTGRES_URL is not set: run the tests with ./test, which starts"
                    + " PostgreSQL (scripts/test_postgres.sh) and sets it");
        }
        return URL;
    }

    @Override
    String newDatabase(Path dir) throws Exception {
        String name = "mp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        }
        CREATED.add(name);
        return withDatabase(baseUrl(), name);
    }

    static String withDatabase(String url, String name) {
        return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        try (Connection c = DriverManager.getConnection(baseUrl()); Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void aWrongPasswordIsRefusedNamingTheUrlButNotThePassword() {
        String wrong = baseUrl().replaceFirst("password=[^&]*", "password=Sup3rSecretXYZ");
        InputException e = assertThrows(InputException.class, () -> RegistryDatabase.open(wrong, OpenIntent.WRITE));
        assertTrue(e.getMessage().contains("jdbc:postgresql://") && e.getMessage().contains("password"), e.getMessage());
        assertFalse(e.getMessage().contains("Sup3rSecretXYZ"), e.getMessage());
    }

    @Test
    void anUnreachableServerIsRefusedNamingIt() {
        String nowhere = baseUrl().replaceFirst("//[^/]+/", "//127.0.0.1:1/");
        InputException e = assertThrows(InputException.class, () -> RegistryDatabase.open(nowhere, OpenIntent.WRITE));
        assertTrue(e.getMessage().contains("127.0.0.1:1") && e.getMessage().contains("cannot open the registry"), e.getMessage());
    }

    @Test
    void twoProcessesAddingAndLoggingAtOnceBothLand() throws Exception {
        ConcurrentWriters.run(newDatabase(dir), files);
    }
}
