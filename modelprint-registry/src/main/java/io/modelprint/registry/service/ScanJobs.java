package io.modelprint.registry.service;

import io.modelprint.registry.RegistryDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Table {@code scan_jobs}: the suspects {@code registry serve} was given and their status. A job goes
 * queued, running, then done or failed; {@link #markDone} runs inside the transaction that appends the
 * job's evidence, so a job is done exactly when its evidence is in the log, and a job found running
 * after a crash left no evidence and can run again ({@link #recover}).
 */
public final class ScanJobs {
    private static final String COLUMNS = "id, submitted_by, suspect_kind, suspect, upload_file, upload_sha256, status, attempts,"
            + " submitted_at, started_at, finished_at, error, evidence_first, evidence_last, result";

    private final RegistryDatabase database;

    public ScanJobs(RegistryDatabase database) {
        this.database = database;
    }

    public void insert(ScanJob job) {
        try (PreparedStatement insert = database.connection().prepareStatement("INSERT INTO scan_jobs (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL)")) {
            insert.setString(1, job.id());
            insert.setString(2, job.submittedBy());
            insert.setString(3, job.kind().label());
            insert.setString(4, job.suspect());
            insert.setString(5, job.uploadFile());
            insert.setString(6, job.uploadSha256());
            insert.setString(7, job.status().label());
            insert.setInt(8, job.attempts());
            insert.setString(9, job.submittedAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw database.failure("recording scan job " + job.id(), e);
        }
    }

    /** The job with this id, or null. */
    public ScanJob find(String id) {
        List<ScanJob> found = select("WHERE id = ?", id, 1);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The newest {@code limit} jobs {@code submittedBy} submitted, newest first. */
    public List<ScanJob> submittedBy(String submittedBy, int limit) {
        return select("WHERE submitted_by = ? ORDER BY submitted_at DESC, id", submittedBy, limit);
    }

    /** Marks a queued job running (one more attempt); false when it is not queued (another worker took it, or it finished). */
    public boolean start(String id) {
        return update("UPDATE scan_jobs SET status = 'running', attempts = attempts + 1, started_at = ? WHERE id = ?"
                + " AND status = 'queued'", ScanJob.now(), id) == 1;
    }

    /**
     * Marks a running job done with its result and the evidence records it appended; call it inside the
     * transaction of that append, so that both land or neither does.
     */
    public void markDone(String id, Long evidenceFirst, Long evidenceLast, String result) throws SQLException {
        try (PreparedStatement update = database.connection().prepareStatement("UPDATE scan_jobs SET status = 'done',"
                + " finished_at = ?, evidence_first = ?, evidence_last = ?, result = ?, error = NULL WHERE id = ? AND status = 'running'")) {
            update.setString(1, ScanJob.now());
            setLong(update, 2, evidenceFirst);
            setLong(update, 3, evidenceLast);
            update.setString(4, result);
            update.setString(5, id);
            if (update.executeUpdate() != 1) {
                throw new SQLException("scan job " + id + " is no longer running: its evidence is not appended");
            }
        }
    }

    /** Marks an unfinished job failed, with the reason shown to whoever submitted it. */
    public void markFailed(String id, String error) {
        update("UPDATE scan_jobs SET status = 'failed', finished_at = ?, error = ? WHERE id = ? AND status IN ('queued', 'running')",
                ScanJob.now(), error, id);
    }

    /**
     * After a restart: a job left running (the service stopped while scanning it; it appended no evidence)
     * is queued again, unless it has already been started {@code maxAttempts} times (a suspect that
     * crashes the service each time it is opened must not crash it for ever): that one is failed. Returns
     * every queued job, oldest first.
     */
    public List<ScanJob> recover(int maxAttempts) {
        for (ScanJob job : select("WHERE status = 'running'", null, Integer.MAX_VALUE)) {
            if (job.attempts() >= maxAttempts) {
                markFailed(job.id(), "the service stopped while scanning this suspect, " + job.attempts() + " times; not tried again");
            } else {
                update("UPDATE scan_jobs SET status = 'queued' WHERE id = ? AND status = 'running'", job.id());
            }
        }
        return select("WHERE status = 'queued' ORDER BY submitted_at, id", null, Integer.MAX_VALUE);
    }

    private List<ScanJob> select(String where, String value, int limit) {
        List<ScanJob> jobs = new ArrayList<>();
        try (PreparedStatement select = database.connection().prepareStatement("SELECT " + COLUMNS + " FROM scan_jobs " + where)) {
            if (value != null) {
                select.setString(1, value);
            }
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    jobs.add(job(rows));
                }
            }
        } catch (SQLException e) {
            throw database.failure("reading scan jobs", e);
        }
        return jobs;
    }

    private int update(String sql, String... values) {
        try (PreparedStatement update = database.connection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setString(i + 1, values[i]);
            }
            return update.executeUpdate();
        } catch (SQLException e) {
            throw database.failure("updating scan jobs", e);
        }
    }

    private static ScanJob job(ResultSet rows) throws SQLException {
        return new ScanJob(rows.getString(1), rows.getString(2), ScanJob.Kind.valueOf(rows.getString(3).toUpperCase(java.util.Locale.ROOT)),
                rows.getString(4), rows.getString(5), rows.getString(6), JobStatus.parse(rows.getString(7)), rows.getInt(8),
                rows.getString(9), rows.getString(10), rows.getString(11), rows.getString(12), getLong(rows, 13), getLong(rows, 14),
                rows.getString(15));
    }

    private static Long getLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
