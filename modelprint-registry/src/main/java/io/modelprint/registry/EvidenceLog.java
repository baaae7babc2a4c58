package io.modelprint.registry;

import io.modelprint.InputException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only, hash-chained log of verifications. Appends run in one transaction that also moves
 * the head row, and only if the head is still the one read: concurrent appenders are serialised (the
 * loser retries on the new head), and a crash leaves either every record of an append or none.
 */
public final class EvidenceLog {
    private static final int MAX_ATTEMPTS = 20;
    private static final String COLUMNS = "seq, recorded_at, tool_version, suspect, suspect_sha256, suspect_metadata,"
            + " fingerprint_id, fingerprint_sha256, scheme, queries, answers_sha256, similarity, threshold, p_value, verdict,"
            + " previous_hash, record_hash";

    private final RegistryDatabase database;

    public EvidenceLog(RegistryDatabase database) {
        this.database = database;
    }

    /** Appends {@code records} in order (their seq and hashes are assigned here); returns them as stored. */
    public List<EvidenceRecord> append(List<EvidenceRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        SQLException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                List<EvidenceRecord> stored = database.inTransaction(connection -> appendOnce(records));
                if (stored != null) {
                    return stored;
                }
                // the head moved under us (nothing was written): read it again
            } catch (SQLException e) {
                last = e;
                if (!retryable(e)) {
                    throw database.failure("appending to the evidence log", e);
                }
            }
            sleep(attempt);
        }
        throw last != null ? database.failure("appending to the evidence log", last)
                : new InputException(database.location().describe() + ": the evidence log kept moving under " + MAX_ATTEMPTS
                        + " attempts to append; try again");
    }

    /** The records chained on the head as read, or null (having written nothing) when another append moved the head first. */
    private List<EvidenceRecord> appendOnce(List<EvidenceRecord> records) throws SQLException {
        long count;
        String head;
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT records, head_hash FROM evidence_head WHERE id = 1"); ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                throw new InputException(database.location().describe() + ": the evidence log's head row is missing (the"
                        + " database was changed by hand); registry log verify says where");
            }
            count = rows.getLong(1);
            head = rows.getString(2);
        }
        List<EvidenceRecord> stored = new ArrayList<>();
        for (EvidenceRecord record : records) {
            EvidenceRecord placed = record.chainedAt(count + stored.size() + 1, head);
            stored.add(placed);
            head = placed.recordHash();
        }
        // the head moves first, and only if it is still what was read: a concurrent appender waits here (PostgreSQL's row
        // lock, SQLite's write lock) and then finds it moved
        try (PreparedStatement move = database.connection().prepareStatement(
                "UPDATE evidence_head SET records = ?, head_hash = ? WHERE id = 1 AND records = ?")) {
            move.setLong(1, count + stored.size());
            move.setString(2, head);
            move.setLong(3, count);
            if (move.executeUpdate() != 1) {
                return null;
            }
        }
        try (PreparedStatement insert = database.connection().prepareStatement(
                "INSERT INTO evidence (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EvidenceRecord placed : stored) {
                bind(insert, placed);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return stored;
    }

    private static boolean retryable(SQLException e) {
        // a unique seq taken by a concurrent appender; PostgreSQL's serialisation failure or deadlock (40001, 40P01)
        return RegistryDatabase.isUniqueViolation(e) || "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    private static void sleep(int attempt) {
        try {
            Thread.sleep(Math.min(500, 5L << Math.min(attempt, 6)) + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted while appending to the evidence log");
        }
    }

    private static void bind(PreparedStatement insert, EvidenceRecord r) throws SQLException {
        insert.setLong(1, r.seq());
        insert.setString(2, r.recordedAt());
        insert.setString(3, r.toolVersion());
        insert.setString(4, r.suspect());
        insert.setString(5, r.suspectSha256());
        insert.setString(6, r.suspectMetadata());
        insert.setString(7, r.fingerprintId());
        insert.setString(8, r.fingerprintSha256());
        insert.setString(9, r.scheme());
        insert.setInt(10, r.queries());
        insert.setString(11, r.answersSha256());
        insert.setDouble(12, r.similarity());
        insert.setDouble(13, r.threshold());
        if (r.pValue() == null) {
            insert.setNull(14, Types.DOUBLE);
        } else {
            insert.setDouble(14, r.pValue());
        }
        insert.setString(15, r.verdict());
        insert.setString(16, r.previousHash());
        insert.setString(17, r.recordHash());
    }

    /** Every record in order. */
    public List<EvidenceRecord> list() {
        List<EvidenceRecord> records = new ArrayList<>();
        try (PreparedStatement select = database.connection().prepareStatement("SELECT " + COLUMNS + " FROM evidence ORDER BY seq");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                double p = rows.getDouble(14);
                Double pValue = rows.wasNull() ? null : p;
                records.add(new EvidenceRecord(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getInt(10), rows.getString(11), rows.getDouble(12), rows.getDouble(13), pValue, rows.getString(15),
                        rows.getString(16), rows.getString(17)));
            }
        } catch (SQLException e) {
            throw database.failure("reading the evidence log", e);
        }
        return records;
    }

    /** Recomputes the chain from the first record and names the first record changed or removed. */
    public ChainReport verify() {
        List<EvidenceRecord> records = list();
        long headCount;
        String headHash;
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT records, head_hash FROM evidence_head WHERE id = 1"); ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return new ChainReport(records.size(), null, 1L, "the log's head row was removed");
            }
            headCount = rows.getLong(1);
            headHash = rows.getString(2);
        } catch (SQLException e) {
            throw database.failure("reading the evidence log", e);
        }
        String previous = EvidenceRecord.GENESIS;
        long expected = 1;
        for (EvidenceRecord record : records) {
            if (record.seq() != expected) {
                return new ChainReport(records.size(), previous, expected, "record " + expected
                        + (record.seq() > expected ? " was removed" + (record.seq() > expected + 1 ? " (through " + (record.seq() - 1) + ")" : "")
                                : " is out of order"));
            }
            if (!record.previousHash().equals(previous)) {
                return new ChainReport(records.size(), previous, expected, "record " + expected + " does not follow record "
                        + (expected - 1) + ": its previous hash is " + record.previousHash() + ", record " + (expected - 1)
                        + " hashes to " + previous);
            }
            String actual = record.computeHash();
            if (!actual.equals(record.recordHash())) {
                return new ChainReport(records.size(), previous, expected, "record " + expected
                        + " was changed: its content hashes to " + actual + ", not to its stored hash " + record.recordHash());
            }
            previous = record.recordHash();
            expected++;
        }
        if (headCount != records.size() || !headHash.equals(previous)) {
            long from = records.size() + 1;
            return new ChainReport(records.size(), previous, from, headCount > records.size()
                    ? "record" + (headCount - records.size() > 1 ? "s " + from + " to " + headCount + " were" : " " + from + " was")
                            + " removed (the head says " + headCount + " records ending in " + headHash + ")"
                    : "the head says " + headCount + " records ending in " + headHash + " but the log holds " + records.size()
                            + " ending in " + previous);
        }
        return new ChainReport(records.size(), previous, null, null);
    }
}
