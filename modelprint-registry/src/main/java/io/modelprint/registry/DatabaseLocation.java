package io.modelprint.registry;

import io.modelprint.InputException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the registry lives, from {@code --db}: a {@code jdbc:postgresql://} URL, or else a file path
 * (an SQLite database). Without {@code --db}: {@code $MODELPRINT_DB}, else {@code ./modelprint-registry.db}.
 */
public record DatabaseLocation(Dialect dialect, String url, Path file) {
    public static final String ENV = "MODELPRINT_DB";
    public static final String DEFAULT_FILE = "modelprint-registry.db";

    public enum Dialect {
        SQLITE("BLOB"),
        POSTGRESQL("BYTEA");

        private final String bytesType;

        Dialect(String bytesType) {
            this.bytesType = bytesType;
        }

        /** The column type of raw bytes (the one place where the two dialects' SQL differs). */
        public String bytesType() {
            return bytesType;
        }
    }

    /** @param db the {@code --db} value, or null for the environment's or the default */
    public static DatabaseLocation parse(String db) {
        String value = db;
        if (value == null || value.isBlank()) {
            String env = System.getenv(ENV);
            value = env != null && !env.isBlank() ? env : DEFAULT_FILE;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseLocation(Dialect.POSTGRESQL, value, null);
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return sqlite(Path.of(value.substring("jdbc:sqlite:".length())));
        }
        if (lower.startsWith("jdbc:") || lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            throw new InputException("--db " + masked(value) + ": expected a file path (SQLite) or a jdbc:postgresql://host:port/database URL");
        }
        return sqlite(Path.of(value));
    }

    private static DatabaseLocation sqlite(Path file) {
        return new DatabaseLocation(Dialect.SQLITE, "jdbc:sqlite:" + file, file);
    }

    /** The location for messages: a PostgreSQL URL without any password in it. */
    public String describe() {
        return dialect == Dialect.SQLITE ? file.toString() : masked(url);
    }

    static String masked(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]+):[^/@]*@", "$1:***@");
    }
}
