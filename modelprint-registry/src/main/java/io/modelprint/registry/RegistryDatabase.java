package io.modelprint.registry;

import io.modelprint.InputException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * An open registry database: one connection, its schema at the newest migration. SQLite files are
 * created owner-only and opened with a bounded wait on locks; PostgreSQL credentials come from the
 * URL, {@code PGUSER}/{@code PGPASSWORD} or {@code ~/.pgpass}, and are never printed.
 */
public final class RegistryDatabase implements AutoCloseable {
    /** How long a locked SQLite file is waited on before giving up; {@code MODELPRINT_DB_TIMEOUT} seconds overrides. */
    static final int DEFAULT_LOCK_TIMEOUT_MS = 30_000;
    /** The newest migration's version: when the schema history says so, Flyway (slow to start) is not run. */
    static final String SCHEMA_VERSION = "4";

    private final DatabaseLocation location;
    private final Connection connection;

    private RegistryDatabase(DatabaseLocation location, Connection connection) {
        this.location = location;
        this.connection = connection;
    }

    /** Opens {@code db} (a file path or a PostgreSQL URL) for {@code intent}; see {@link OpenIntent}. */
    public static RegistryDatabase open(String db, OpenIntent intent) {
        return open(DatabaseLocation.parse(db), intent);
    }

    public static RegistryDatabase open(DatabaseLocation location, OpenIntent intent) {
        SqliteFile file = location.dialect() == DatabaseLocation.Dialect.SQLITE ? SqliteFile.prepare(location, intent) : null;
        boolean readOnly = file != null && file.readOnly();
        Connection connection = connect(location, readOnly);
        RegistryDatabase database = new RegistryDatabase(location, connection);
        try {
            if (readOnly) {
                database.requireCurrentSchema();
            } else {
                database.migrate();
            }
            if (file != null) {
                file.registryCreated();
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    public DatabaseLocation location() {
        return location;
    }

    public Connection connection() {
        return connection;
    }

    /** Work on the connection inside one transaction. */
    @FunctionalInterface
    public interface Transaction<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Transaction<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** True when {@code e} says a unique key (or primary key) was already taken. */
    public static boolean isUniqueViolation(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "23505".equals(e.getSQLState()) || message.contains("UNIQUE constraint") || message.contains("PRIMARY KEY constraint");
    }

    /** A failure of the database, as a user error naming it (and the SQL state, which says what kind). */
    public InputException failure(String doing, SQLException e) {
        return new InputException(location.describe() + ": " + doing + " failed: " + reason(e), e);
    }

    private static String reason(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("SQLITE_BUSY") || message.contains("database is locked")) {
            return "the database file is locked by another process and stayed locked for " + lockTimeoutMs() / 1000.0
                    + " s (MODELPRINT_DB_TIMEOUT sets the wait); try again (" + message + ")";
        }
        if (isNotADatabase(e)) {
            return "not an SQLite database, or a damaged one (" + message + ")";
        }
        return message;
    }

    /** SQLite's answer to a file that is not a database (or whose header is damaged). */
    private static boolean isNotADatabase(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("SQLITE_NOTADB") || message.contains("file is not a database");
    }

    private static Connection connect(DatabaseLocation location, boolean readOnly) {
        try {
            if (location.dialect() == DatabaseLocation.Dialect.SQLITE) {
                SqliteNativeLibrary.prepare();
                return DriverManager.getConnection(location.url(), SqliteFile.connectionProperties(readOnly));
            }
            return DriverManager.getConnection(location.url(), connectionProperties(location));
        } catch (SQLException e) {
            throw new InputException(location.describe() + ": cannot open the registry: " + reason(e), e);
        }
    }

    /** What every connection to {@code location} is opened with (ours, and Flyway's own). */
    private static Properties connectionProperties(DatabaseLocation location) {
        return location.dialect() == DatabaseLocation.Dialect.POSTGRESQL ? postgresProperties(location.url())
                : SqliteFile.connectionProperties(false);
    }

    private static Map<String, String> stringMap(Properties properties) {
        Map<String, String> map = new java.util.HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    static int lockTimeoutMs() {
        String env = System.getProperty("modelprint.db.timeout", System.getenv("MODELPRINT_DB_TIMEOUT"));
        if (env == null || env.isBlank()) {
            return DEFAULT_LOCK_TIMEOUT_MS;
        }
        try {
            double seconds = Double.parseDouble(env);
            if (seconds >= 0) {
                return (int) Math.min(Integer.MAX_VALUE, Math.round(seconds * 1000));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InputException("MODELPRINT_DB_TIMEOUT: expected seconds >= 0, got '" + env + "'");
    }

    /** User and password from the environment when the URL has none; else the driver reads ~/.pgpass. */
    private static Properties postgresProperties(String url) {
        Properties properties = new Properties();
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        Map<String, String> env = System.getenv();
        if (!lower.contains("user=") && env.get("PGUSER") != null) {
            properties.setProperty("user", env.get("PGUSER"));
        }
        if (!lower.contains("password=") && env.get("PGPASSWORD") != null) {
            properties.setProperty("password", env.get("PGPASSWORD"));
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "modelprint");
        return properties;
    }

    private void migrate() {
        if (SCHEMA_VERSION.equals(currentVersion())) {
            return;
        }
        try {
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(location.url(), null, null)
                    .jdbcProperties(stringMap(connectionProperties(location)))
                    .locations("classpath:db/migration")
                    .placeholders(Map.of("bytes_type", location.dialect().bytesType()))
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            String why = cause instanceof SQLException sql ? reason(sql) : e.getMessage();
            throw new InputException(location.describe() + ": cannot create or upgrade the registry's tables: " + why, e);
        }
    }

    /** A read-only file cannot be migrated: it must already hold the newest schema. */
    private void requireCurrentSchema() {
        String version = currentVersion();
        if (!SCHEMA_VERSION.equals(version)) {
            throw new InputException(location.describe() + " is read-only (mode " + SqliteFile.mode(location.file()) + ") and "
                    + (version == null ? "holds no modelprint registry" : "its registry tables need upgrading (version " + version
                    + ", newest " + SCHEMA_VERSION + ")") + ": nothing was written");
        }
    }

    /** The newest successfully applied migration, or null when there is no schema history yet. */
    private String currentVersion() {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success = ? ORDER BY installed_rank DESC")) {
            statement.setBoolean(1, true);
            statement.setMaxRows(1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            if (isNotADatabase(e)) {
                throw failure("reading", e);
            }
            rollbackQuietly();
            return null; // no history table yet: Flyway makes it
        }
    }

    private void rollbackQuietly() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // nothing to undo
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing: nothing left to save
        }
    }
}
