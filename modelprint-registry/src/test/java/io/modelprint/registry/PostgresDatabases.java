package io.modelprint.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Databases of their own for PostgreSQL tests, on the server {@code MODELPRINT_TEST_POSTGRES_URL} names; dropped by {@link #dropAll}. */
final class PostgresDatabases {
    private final List<String> created = new ArrayList<>();

    String create() throws Exception {
        String name = "mp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PostgresRegistryTest.baseUrl()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        }
        created.add(name);
        return PostgresRegistryTest.withDatabase(PostgresRegistryTest.baseUrl(), name);
    }

    void dropAll() throws Exception {
        try (Connection c = DriverManager.getConnection(PostgresRegistryTest.baseUrl()); Statement s = c.createStatement()) {
            for (String name : created) {
                s.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
