package io.modelprint.service;

import io.modelprint.registry.DatabaseLocation;
import io.modelprint.registry.OpenIntent;
import io.modelprint.registry.RegistryDatabase;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A few open registry databases shared by the service's threads: each request or job borrows one
 * ({@link RegistryDatabase} is one JDBC connection, used by one thread at a time). A connection that
 * failed and no longer answers (the server went away) is closed and a new one opened on next use.
 */
final class DatabasePool implements AutoCloseable {
    private static final long WAIT_SECONDS = 30;

    private final DatabaseLocation location;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<RegistryDatabase> idle = new ConcurrentLinkedQueue<>();

    DatabasePool(DatabaseLocation location, int size) {
        this.location = location;
        this.permits = new Semaphore(size, true);
    }

    DatabaseLocation location() {
        return location;
    }

    /** Runs {@code work} on a borrowed database; 503 when none frees up in time. */
    <T> T with(Function<RegistryDatabase, T> work) {
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ApiError(503, "the service is busy; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "the service is stopping");
        }
        RegistryDatabase database = null;
        boolean healthy = true;
        try {
            database = idle.poll();
            if (database == null) {
                database = RegistryDatabase.open(location, OpenIntent.WRITE);
            }
            return work.apply(database);
        } catch (RuntimeException e) {
            healthy = e instanceof ApiError || (database != null && answers(database));
            throw e;
        } finally {
            if (database != null) {
                if (healthy) {
                    idle.add(database);
                } else {
                    database.close();
                }
            }
            permits.release();
        }
    }

    private static boolean answers(RegistryDatabase database) {
        try {
            return database.connection().isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        RegistryDatabase database;
        while ((database = idle.poll()) != null) {
            database.close();
        }
    }
}
