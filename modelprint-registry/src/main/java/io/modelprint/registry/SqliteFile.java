package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.io.ReadOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file behind a registry, checked before SQLite opens it: a write never goes into a file
 * the user made read-only (the mode bits decide, also for root), a read never creates or fills a file.
 */
final class SqliteFile {
    private static final String OWNER_ONLY = "rw-------";

    private final DatabaseLocation location;
    private final Path file;
    private final boolean readOnly;
    /** The file was not there or held nothing: the registry is made here, and made owner-only. */
    private final boolean created;

    private SqliteFile(DatabaseLocation location, boolean readOnly, boolean created) {
        this.location = location;
        this.file = location.file();
        this.readOnly = readOnly;
        this.created = created;
    }

    /** Checks (and for a write, creates) the file; refuses what {@code access} must not do to it. */
    static SqliteFile prepare(DatabaseLocation location, OpenIntent access) {
        Path file = location.file();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InputException(location.describe() + ": cannot create the registry: no directory " + parent);
        }
        if (Files.isDirectory(file)) {
            throw new InputException(location.describe() + ": is a directory; --db names the registry's database file");
        }
        boolean exists = Files.exists(file);
        if (access == OpenIntent.READ) {
            if (!exists || size(location) == 0) {
                throw new InputException(location.describe() + ": not a modelprint registry ("
                        + (exists ? "0 bytes" : "no such file") + "); registry add creates one");
            }
            return new SqliteFile(location, ReadOnly.is(file), false);
        }
        if (exists && ReadOnly.is(file)) {
            throw new InputException(location.describe() + " is read-only (mode " + mode(file) + "): nothing was written");
        }
        if (!exists) {
            try {
                // an empty file is an empty SQLite database; made here so that it is owner-only from the start
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            } catch (IOException e) {
                throw new InputException(location.describe() + ": cannot create the registry: " + e.getMessage(), e);
            }
        }
        return new SqliteFile(location, false, !exists || size(location) == 0);
    }

    /** Whether the connection is opened read-only (a read of a file whose mode forbids writing). */
    boolean readOnly() {
        return readOnly;
    }

    /** A registry made in a file that held nothing gets the mode a new one gets, whoever made the empty file. */
    void registryCreated() {
        if (!created) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
        } catch (UnsupportedOperationException | IOException e) {
            throw new InputException(location.describe() + ": cannot make the new registry owner-only: " + e.getMessage(), e);
        }
    }

    /** What every connection to the file is opened with (ours, and Flyway's own). */
    static Properties connectionProperties(boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(RegistryDatabase.lockTimeoutMs());
        if (readOnly) {
            config.setReadOnly(true); // the journal mode (WAL) is the file's own; setting it would write
            return config.toProperties();
        }
        // writers take the lock when their transaction starts, so two writers wait for each other
        // instead of one failing at once when it upgrades a read lock
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        return config.toProperties();
    }

    static String mode(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (UnsupportedOperationException | IOException e) {
            return "not writable";
        }
    }

    private static long size(DatabaseLocation location) {
        try {
            return Files.size(location.file());
        } catch (IOException e) {
            throw new InputException(location.describe() + ": cannot read the registry: " + e.getMessage(), e);
        }
    }
}
