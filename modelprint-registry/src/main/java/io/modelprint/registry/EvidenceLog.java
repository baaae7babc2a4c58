package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.signature.SigningKey;
import java.security.PublicKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only, hash-chained log of verifications. Appends run in one transaction that also moves
 * the head row, and only if the head is still the one read: concurrent appenders are serialised (the
 * loser retries on the new head), and a crash leaves either every record of an append or none. The
 * last record of every append carries the registry's signature of its hash, which vouches for every
 * record before it too.
 */
public final class EvidenceLog {
    private static final int MAX_ATTEMPTS = 20;
    private static final String COLUMNS = "seq, recorded_at, tool_version, suspect, suspect_sha256, suspect_metadata,"
            + " fingerprint_id, fingerprint_sha256, scheme, queries, answers_sha256, similarity, threshold, p_value, verdict,"
            + " previous_hash, record_hash, hash_version, owner_name, owner_key, registry_key, registry_signature";

    private final RegistryDatabase database;
    private final SigningKey registryKey;

    /** A log to read and check; appending needs the registry's key. */
    public EvidenceLog(RegistryDatabase database) {
        this(database, null);
    }

    /** A log that appends, signing with {@code registryKey} ({@link RegistryKey#forAppend}). */
    public EvidenceLog(RegistryDatabase database, SigningKey registryKey) {
        this.database = database;
        this.registryKey = registryKey;
    }

    /** Work that lands in an append's own transaction, after its records: with them, or not at all. */
    @FunctionalInterface
    public interface InSameTransaction {
        void run(List<EvidenceRecord> stored) throws SQLException;
    }

    /** Appends {@code records} in order (their seq, hashes and the closing signature are assigned here); returns them as stored. */
    public List<EvidenceRecord> append(List<EvidenceRecord> records) {
        return append(records, null);
    }

    /**
     * As {@link #append(List)}, and runs {@code alsoDo} (if not null) in the same transaction once the
     * records are in (with no records, in a transaction of its own): e.g. a job marked done exactly when
     * its evidence is in the log. An {@code alsoDo} that throws rolls the append back.
     */
    public List<EvidenceRecord> append(List<EvidenceRecord> records, InSameTransaction alsoDo) {
        if (records.isEmpty()) {
            if (alsoDo != null) {
                try {
                    database.inTransaction(connection -> {
                        alsoDo.run(List.of());
                        return null;
                    });
                } catch (SQLException e) {
                    throw database.failure("recording a scan that checked nothing", e);
                }
            }
            return List.of();
        }
        if (registryKey == null) {
            throw new IllegalStateException("appending to the evidence log needs the registry's key");
        }
        SQLException last = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                List<EvidenceRecord> stored = database.inTransaction(connection -> appendOnce(records, alsoDo));
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
    private List<EvidenceRecord> appendOnce(List<EvidenceRecord> records, InSameTransaction alsoDo) throws SQLException {
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
        EvidenceRecord last = stored.get(stored.size() - 1);
        stored.set(stored.size() - 1, last.withRegistrySignature(registryKey.id(),
                java.util.Base64.getEncoder().encodeToString(registryKey.sign(EvidenceRecord.signedBytes(last.recordHash())))));
        RegistrySigners.record(database, registryKey);
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
                "INSERT INTO evidence (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EvidenceRecord placed : stored) {
                bind(insert, placed);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (alsoDo != null) {
            alsoDo.run(stored);
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
        insert.setInt(18, r.hashVersion());
        insert.setString(19, r.owner());
        insert.setString(20, r.ownerKey());
        insert.setString(21, r.registryKey());
        insert.setString(22, r.registrySignature());
    }

    /** Every record in order. */
    public List<EvidenceRecord> list() {
        return select("ORDER BY seq", null, Long.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** At most {@code limit} records after position {@code afterSeq}, in order. */
    public List<EvidenceRecord> list(long afterSeq, int limit) {
        return select("WHERE seq > ? ORDER BY seq", null, afterSeq, limit);
    }

    /** The records of checks against fingerprints registered under {@code owner}, in order. */
    public List<EvidenceRecord> byOwner(String owner) {
        return select("WHERE owner_name = ? ORDER BY seq", owner, Long.MIN_VALUE, Integer.MAX_VALUE);
    }

    private List<EvidenceRecord> select(String where, String text, long afterSeq, int limit) {
        List<EvidenceRecord> records = new ArrayList<>();
        try (PreparedStatement select = database.connection().prepareStatement("SELECT " + COLUMNS + " FROM evidence " + where)) {
            if (text != null) {
                select.setString(1, text);
            } else if (afterSeq != Long.MIN_VALUE) {
                select.setLong(1, afterSeq);
            }
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                read(rows, records);
            }
        } catch (SQLException e) {
            throw database.failure("reading the evidence log", e);
        }
        return records;
    }

    private static void read(ResultSet rows, List<EvidenceRecord> records) throws SQLException {
        while (rows.next()) {
            double p = rows.getDouble(14);
            Double pValue = rows.wasNull() ? null : p;
            records.add(new EvidenceRecord(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                    rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                    rows.getInt(10), rows.getString(11), rows.getDouble(12), rows.getDouble(13), pValue, rows.getString(15),
                    rows.getString(16), rows.getString(17), rows.getInt(18), rows.getString(19), rows.getString(20),
                    rows.getString(21), rows.getString(22)));
        }
    }

    /** {@link #verify(PublicKey)} against the keys the database lists (the report names them, to compare with the published key). */
    public ChainReport verify() {
        return verify(null);
    }

    /**
     * Recomputes the chain from the first record, checks the registry's signatures, and names the first
     * record changed or removed. {@code expectedKey}: the registry's public key as its operator
     * published it, or null to check against the keys the database lists (and report them).
     */
    public ChainReport verify(PublicKey expectedKey) {
        List<EvidenceRecord> records = list();
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT records, head_hash FROM evidence_head WHERE id = 1"); ResultSet rows = select.executeQuery()) {
            ChainCheck check = new ChainCheck(RegistrySigners.all(database), expectedKey);
            if (!rows.next()) {
                return check.headMissing(records);
            }
            return check.run(records, rows.getLong(1), rows.getString(2));
        } catch (SQLException e) {
            throw database.failure("reading the evidence log", e);
        }
    }
}
