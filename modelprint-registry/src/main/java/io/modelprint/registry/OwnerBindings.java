package io.modelprint.registry;

import io.modelprint.signature.Ed25519;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Who may register what: an owner name belongs to the key that first registered under it (table
 * {@code owners}), and a fingerprint id to the key that first registered it, for good: the binding
 * outlives {@code registry remove} (table {@code fingerprint_owners}), so the evidence records that
 * name an id never come to point at another owner.
 */
final class OwnerBindings {
    private OwnerBindings() {}

    /** Checks {@code entry}'s owner name and id against their bindings and binds them if new (inside the caller's transaction). */
    static void bind(RegistryDatabase database, String where, RegistryEntry entry, String publicKey) throws SQLException {
        String key = entry.ownerKey();
        String nameKey = select(database, "SELECT owner_key FROM owners WHERE owner_name = ?", entry.owner());
        if (nameKey != null && !nameKey.equals(key)) {
            String why = "owner '" + entry.owner() + "' is registered with key " + Ed25519.shortId(nameKey)
                    + ", but this file is signed by key " + Ed25519.shortId(key) + "; an owner name stays with the key that first"
                    + " registered under it";
            throw new OwnershipConflict(where + ": " + why, why);
        }
        String idKey = select(database, "SELECT owner_key FROM fingerprint_owners WHERE id = ?", entry.id());
        if (idKey != null && !idKey.equals(key)) {
            String idOwner = select(database, "SELECT owner_name FROM fingerprint_owners WHERE id = ?", entry.id());
            throw new OwnershipConflict(where + ": fingerprint id " + entry.id() + " was registered by owner '" + idOwner + "' (key "
                    + Ed25519.shortId(idKey) + ") and the evidence that names it is theirs; a copy signed by key "
                    + Ed25519.shortId(key) + " cannot take it over", "fingerprint id " + entry.id() + " belongs to another owner;"
                    + " a copy signed by key " + Ed25519.shortId(key) + " cannot take it over");
        }
        String now = Instant.now().toString();
        if (nameKey == null) {
            insert(database, "INSERT INTO owners (owner_name, owner_key, public_key, bound_at) VALUES (?, ?, ?, ?)",
                    entry.owner(), key, publicKey, now);
        }
        if (idKey == null) {
            insert(database, "INSERT INTO fingerprint_owners (id, owner_key, owner_name, bound_at) VALUES (?, ?, ?, ?)",
                    entry.id(), key, entry.owner(), now);
        }
    }

    private static String select(RegistryDatabase database, String sql, String value) throws SQLException {
        try (PreparedStatement select = database.connection().prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void insert(RegistryDatabase database, String sql, String... values) throws SQLException {
        try (PreparedStatement insert = database.connection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setString(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }
}
