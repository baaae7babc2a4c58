package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.signature.Ed25519;
import io.modelprint.signature.SigningKey;
import java.security.PublicKey;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Table {@code registry_keys}: the public keys that signed the evidence log, by their SHA-256. Only a
 * convenience for checking: an auditor trusts a key because its fingerprint matches the one the
 * registry's operator published, not because the database lists it.
 */
final class RegistrySigners {
    private RegistrySigners() {}

    /** Lists {@code key}'s public half if it is not listed yet (inside the caller's transaction). */
    static void record(RegistryDatabase database, SigningKey key) throws SQLException {
        try (PreparedStatement select = database.connection().prepareStatement("SELECT key_id FROM registry_keys WHERE key_id = ?")) {
            select.setString(1, key.id());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = database.connection().prepareStatement(
                "INSERT INTO registry_keys (key_id, public_key, first_used) VALUES (?, ?, ?)")) {
            insert.setString(1, key.id());
            insert.setString(2, Ed25519.encode(key.publicKey()));
            insert.setString(3, Instant.now().toString());
            insert.executeUpdate();
        }
    }

    /** Every listed key by its SHA-256; a listed key that is not what its id says is left out (its signatures then fail). */
    static Map<String, PublicKey> all(RegistryDatabase database) throws SQLException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT key_id, public_key FROM registry_keys ORDER BY first_used, key_id"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                try {
                    PublicKey key = Ed25519.publicKey(rows.getString(2), "registry_keys");
                    if (Ed25519.keyId(key).equals(rows.getString(1))) {
                        keys.put(rows.getString(1), key);
                    }
                } catch (InputException e) {
                    // not a key: its signatures cannot be checked and are reported so
                }
            }
        }
        return keys;
    }
}
