package io.modelprint.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A new registry database per test: an SQLite file, or a PostgreSQL database of its own on the server
 * {@code MODELPRINT_TEST_POSTGRES_URL} names (./test sets it: scripts/test_postgres.sh), dropped by {@link #dropAll}.
 */
public final class TestDatabases {
    public static final String POSTGRES_ENV = "MODELPRINT_TEST_POSTGRES_URL";
    private final List<String> created = new ArrayList<>();

    public static String sqlite(Path dir) {
        return dir.resolve("registry.db").toString();
    }

    public String postgres() throws Exception {
        String name = "mp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(server()); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        }
        created.add(name);
        return server().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    public void dropAll() throws Exception {
        if (created.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server()); Statement s = c.createStatement()) {
            for (String name : created) {
                s.executeUpdate("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static String server() {
        String url = System.getenv(POSTGRES_ENV);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(POSTGRES_ENV + " is not set: run the tests with ./test, which starts PostgreSQL"
                    + " (scripts/test_postgres.sh) and sets it");
        }
        return url;
    }
}
