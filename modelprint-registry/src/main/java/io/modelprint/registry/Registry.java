package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fingerprint.FingerprintFile;
import io.modelprint.fingerprint.FingerprintSigner;
import io.modelprint.io.AtomicFiles;
import io.modelprint.io.Sha256;
import io.modelprint.signature.Ed25519;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The fingerprints table: add (idempotent on content), list, find by id or prefix, export, remove. */
public final class Registry {
    /** Hex digits of the content hash that make an entry's id. */
    public static final int ID_LENGTH = 12;
    /** Shortest id prefix accepted on the command line. */
    public static final int MIN_PREFIX = 4;
    private static final String COLUMNS = "id, content_sha256, owner_name, name, scheme, access_level, input_spec, classes,"
            + " queries, target_sha256, calibrated, added_at, file_sha256, file_size, owner_key";

    private final RegistryDatabase database;

    public Registry(RegistryDatabase database) {
        this.database = database;
    }

    /**
     * Stores {@code file} (checked as {@code verify} checks it: a tampered file, a forged signature or a
     * scheme that does not fit its arrays is refused and nothing is stored) under {@code owner}, bound
     * to the key that signed it ({@link OwnerBindings}); an unsigned file is refused. The same content
     * again is not stored twice: the existing entry is returned.
     */
    public AddResult add(Path file, String owner, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file + ": no such fingerprint file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return add(file.toString(), bytes, owner, name != null ? name : RegistryEntries.defaultName(file));
    }

    /**
     * As {@link #add(Path, String, String)}, of a fingerprint file's {@code bytes} ({@code where} names them in
     * messages). A fingerprint or owner name bound to another key is refused with an {@link OwnershipConflict}.
     */
    public AddResult add(String where, byte[] bytes, String owner, String name) {
        RegistryEntries.requireText("--owner", owner);
        List<Fingerprint> members = FingerprintFile.readBundle(where, bytes);
        String signer = FingerprintSigner.signer(where, members);
        if (signer == null) {
            throw new InputException(where + ": unsigned; the registry takes fingerprints signed by their owner (make a key with"
                    + " modelprint keys new --out DIR, then modelprint sign --fingerprint " + where + " --key DIR)");
        }
        String content = FingerprintFile.contentSha256(members);
        RegistryEntries.requireText("--name", name);
        RegistryEntry entry = RegistryEntries.describe(members, content, owner, name, bytes, signer);
        String publicKey = members.get(0).meta().signature().publicKey();
        AddResult result;
        try {
            result = database.inTransaction(connection -> {
                RegistryEntry existing = findByContent(content);
                if (existing != null) {
                    return new AddResult(existing, false);
                }
                OwnerBindings.bind(database, where, entry, publicKey);
                insert(entry, bytes);
                return new AddResult(entry, true);
            });
        } catch (SQLException e) {
            if (RegistryDatabase.isUniqueViolation(e)) {
                // another process stored the same content between our check and our insert
                RegistryEntry existing = find(entry.id());
                if (existing != null && existing.contentSha256().equals(content)) {
                    return requireSameOwner(where, existing, owner, signer);
                }
            }
            throw database.failure("adding " + where, e);
        }
        return result.added() ? result : requireSameOwner(where, result.entry(), owner, signer);
    }

    private static AddResult requireSameOwner(String where, RegistryEntry existing, String owner, String signer) {
        if (!existing.owner().equals(owner) || !signer.equals(existing.ownerKey())) {
            throw new OwnershipConflict(where + ": this fingerprint is already registered as " + existing.id() + " by owner '"
                    + existing.owner() + "' (key " + (existing.ownerKey() == null ? "none: registered unsigned"
                    : Ed25519.shortId(existing.ownerKey())) + "), not '" + owner + "' (key " + Ed25519.shortId(signer) + ")",
                    "this fingerprint is already registered, by another owner or key");
        }
        return new AddResult(existing, false);
    }

    private void insert(RegistryEntry e, byte[] bytes) throws SQLException {
        try (PreparedStatement insert = database.connection().prepareStatement(
                "INSERT INTO fingerprints (" + COLUMNS + ", file_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, e.id());
            insert.setString(2, e.contentSha256());
            insert.setString(3, e.owner());
            insert.setString(4, e.name());
            insert.setString(5, e.scheme());
            insert.setString(6, e.access());
            insert.setString(7, e.inputSpec());
            insert.setInt(8, e.classes());
            insert.setInt(9, e.queries());
            insert.setString(10, e.targetSha256());
            insert.setInt(11, e.calibrated() ? 1 : 0);
            insert.setString(12, e.addedAt());
            insert.setString(13, e.fileSha256());
            insert.setLong(14, e.fileSize());
            insert.setString(15, e.ownerKey());
            insert.setBytes(16, bytes);
            insert.executeUpdate();
        }
    }

    /** Every entry, oldest first. */
    public List<RegistryEntry> list() {
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM fingerprints ORDER BY added_at, id");
                ResultSet rows = select.executeQuery()) {
            List<RegistryEntry> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(entry(rows));
            }
            return entries;
        } catch (SQLException e) {
            throw database.failure("listing fingerprints", e);
        }
    }

    /** The entry with this id or unique id prefix; refused when none or several match. */
    public RegistryEntry show(String idOrPrefix) {
        String prefix = idOrPrefix == null ? "" : idOrPrefix.toLowerCase(java.util.Locale.ROOT);
        if (!prefix.matches("[0-9a-f]{" + MIN_PREFIX + "," + ID_LENGTH + "}")) {
            throw new InputException("fingerprint id '" + idOrPrefix + "': expected " + MIN_PREFIX + " to " + ID_LENGTH
                    + " hex digits (see registry list)");
        }
        List<RegistryEntry> matches = new ArrayList<>();
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM fingerprints WHERE id LIKE ? ORDER BY id")) {
            select.setString(1, prefix + "%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    matches.add(entry(rows));
                }
            }
        } catch (SQLException e) {
            throw database.failure("reading fingerprint " + idOrPrefix, e);
        }
        if (matches.isEmpty()) {
            throw new InputException("fingerprint id '" + idOrPrefix + "': not in the registry " + database.location().describe());
        }
        if (matches.size() > 1) {
            throw new InputException("fingerprint id '" + idOrPrefix + "' matches " + matches.size() + " entries ("
                    + String.join(", ", matches.stream().map(RegistryEntry::id).toList()) + "): give more digits");
        }
        return matches.get(0);
    }

    /** The entry with exactly this id, or null. */
    public RegistryEntry find(String id) {
        try (PreparedStatement select = database.connection().prepareStatement("SELECT " + COLUMNS + " FROM fingerprints WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? entry(rows) : null;
            }
        } catch (SQLException e) {
            throw database.failure("reading fingerprint " + id, e);
        }
    }

    private RegistryEntry findByContent(String content) throws SQLException {
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM fingerprints WHERE content_sha256 = ?")) {
            select.setString(1, content);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? entry(rows) : null;
            }
        }
    }

    /** The file's bytes exactly as added, checked against the SHA-256 taken when it was added. */
    public byte[] bytes(RegistryEntry entry) {
        try (PreparedStatement select = database.connection().prepareStatement("SELECT file_bytes FROM fingerprints WHERE id = ?")) {
            select.setString(1, entry.id());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new InputException("fingerprint " + entry.id() + ": removed from the registry meanwhile");
                }
                return checked(entry, rows.getBytes(1));
            }
        } catch (SQLException e) {
            throw database.failure("reading fingerprint " + entry.id(), e);
        }
    }

    /** Writes the file as added (byte for byte) to {@code out}, atomically and owner-only. */
    public void export(RegistryEntry entry, Path out) {
        byte[] bytes = bytes(entry);
        AtomicFiles.writePrivate(out, stream -> stream.write(bytes));
    }

    /**
     * Every entry with its fingerprints decoded and checked; an entry that cannot be used (its file no
     * longer reads, or is not signed by the key it is registered to) is kept with the reason, so that
     * a scan reports it and goes on.
     */
    public List<RegisteredFingerprint> loadAll() {
        List<RegisteredFingerprint> all = new ArrayList<>();
        for (StoredFile file : files()) {
            all.add(file.load());
        }
        return all;
    }

    /** Every entry with its file's bytes (checked against the SHA-256 taken when it was added), oldest first. */
    public List<StoredFile> files() {
        List<StoredFile> all = new ArrayList<>();
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT " + COLUMNS + ", file_bytes FROM fingerprints ORDER BY added_at, id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                RegistryEntry entry = entry(rows);
                all.add(new StoredFile(entry, checked(entry, rows.getBytes(16))));
            }
        } catch (SQLException e) {
            throw database.failure("reading fingerprints", e);
        }
        return all;
    }

    private static byte[] checked(RegistryEntry entry, byte[] bytes) {
        if (!Sha256.hex(bytes).equals(entry.fileSha256())) {
            throw new InputException("fingerprint " + entry.id() + ": its stored bytes no longer hash to the SHA-256"
                    + " recorded when it was added (the database was changed)");
        }
        return bytes;
    }

    /** Removes the entry; evidence that refers to it stays. */
    public void remove(RegistryEntry entry) {
        try (PreparedStatement delete = database.connection().prepareStatement("DELETE FROM fingerprints WHERE id = ?")) {
            delete.setString(1, entry.id());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw database.failure("removing fingerprint " + entry.id(), e);
        }
    }

    private static RegistryEntry entry(ResultSet rows) throws SQLException {
        return new RegistryEntry(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getInt(8), rows.getInt(9), rows.getString(10), rows.getInt(11) != 0,
                rows.getString(12), rows.getString(13), rows.getLong(14), rows.getString(15));
    }
}
