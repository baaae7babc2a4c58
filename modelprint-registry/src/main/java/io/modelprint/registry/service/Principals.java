package io.modelprint.registry.service;

import io.modelprint.InputException;
import io.modelprint.io.Sha256;
import io.modelprint.registry.RegistryDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tables {@code principals} and {@code principal_tokens}: who may call {@code registry serve}, and
 * their bearer tokens. A token is {@code mpt_<id>_<secret>} with a 256-bit random secret; the database
 * keeps only the SHA-256 of the secret, compared in constant time, so a copy of the database does not
 * hold a usable token.
 */
public final class Principals {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("mpt_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@+-]{0,199}");
    /** Compared against when a token id is unknown, so that an unknown id takes as long as a wrong secret. */
    private static final byte[] NO_SECRET = new byte[32];

    private final RegistryDatabase database;

    public Principals(RegistryDatabase database) {
        this.database = database;
    }

    /** Creates principal {@code name} with {@code role} and its first token ({@code validFor} null: no expiry). */
    public IssuedToken add(String name, Role role, Duration validFor) {
        requireName(name);
        Principal principal = new Principal(name, role, Instant.now().toString());
        try {
            return database.inTransaction(connection -> {
                if (find(name) != null) {
                    throw new InputException("principal '" + name + "' already exists; issue it another token instead");
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO principals (name, role, created_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, role.label());
                    insert.setString(3, principal.createdAt());
                    insert.executeUpdate();
                }
                return insertToken(principal, validFor);
            });
        } catch (SQLException e) {
            if (RegistryDatabase.isUniqueViolation(e)) {
                throw new InputException("principal '" + name + "' already exists; issue it another token instead");
            }
            throw database.failure("adding principal " + name, e);
        }
    }

    /** Another token for an existing principal (an earlier token stays valid until it expires or is revoked). */
    public IssuedToken issueToken(String name, Duration validFor) {
        Principal principal = require(name);
        try {
            return database.inTransaction(connection -> insertToken(principal, validFor));
        } catch (SQLException e) {
            throw database.failure("issuing a token for " + name, e);
        }
    }

    /** Revokes every token of {@code name}; returns how many were valid. */
    public int revokeTokens(String name) {
        require(name);
        try (PreparedStatement update = database.connection().prepareStatement(
                "UPDATE principal_tokens SET revoked_at = ? WHERE principal_name = ? AND revoked_at IS NULL")) {
            update.setString(1, Instant.now().toString());
            update.setString(2, name);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw database.failure("revoking the tokens of " + name, e);
        }
    }

    /** Every principal, by name. */
    public List<Principal> list() {
        List<Principal> all = new ArrayList<>();
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT name, role, created_at FROM principals ORDER BY name"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.add(new Principal(rows.getString(1), Role.parse(rows.getString(2)), rows.getString(3)));
            }
        } catch (SQLException e) {
            throw database.failure("listing principals", e);
        }
        return all;
    }

    /** The principal called {@code name}, or null. */
    public Principal find(String name) {
        try (PreparedStatement select = database.connection().prepareStatement(
                "SELECT name, role, created_at FROM principals WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Principal(rows.getString(1), Role.parse(rows.getString(2)), rows.getString(3)) : null;
            }
        } catch (SQLException e) {
            throw database.failure("reading principal " + name, e);
        }
    }

    private Principal require(String name) {
        Principal principal = find(name);
        if (principal == null) {
            throw new InputException("no principal '" + name + "'");
        }
        return principal;
    }

    /** The principal a bearer token speaks for at {@code now}, or why none. */
    public Authentication authenticate(String token, Instant now) {
        if (token == null || token.isEmpty()) {
            return Authentication.failed(Authentication.Failure.MISSING);
        }
        Matcher parts = TOKEN.matcher(token);
        if (!parts.matches()) {
            return Authentication.failed(Authentication.Failure.INVALID);
        }
        byte[] offered = digest(parts.group(2));
        try (PreparedStatement select = database.connection().prepareStatement("SELECT t.secret_sha256, t.expires_at, t.revoked_at,"
                + " p.name, p.role, p.created_at FROM principal_tokens t JOIN principals p ON p.name = t.principal_name"
                + " WHERE t.token_id = ?")) {
            select.setString(1, parts.group(1));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    MessageDigest.isEqual(NO_SECRET, offered);
                    return Authentication.failed(Authentication.Failure.INVALID);
                }
                boolean secretMatches = MessageDigest.isEqual(HexFormat.of().parseHex(rows.getString(1)), offered);
                if (!secretMatches || rows.getString(3) != null) {
                    return Authentication.failed(Authentication.Failure.INVALID);
                }
                String expires = rows.getString(2);
                if (expires != null && !now.isBefore(Instant.parse(expires))) {
                    return Authentication.failed(Authentication.Failure.EXPIRED);
                }
                return Authentication.of(new Principal(rows.getString(4), Role.parse(rows.getString(5)), rows.getString(6)));
            }
        } catch (SQLException e) {
            throw database.failure("checking a token", e);
        }
    }

    private IssuedToken insertToken(Principal principal, Duration validFor) throws SQLException {
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new InputException("a token's lifetime must be positive, got " + validFor);
        }
        byte[] idBytes = new byte[8];
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Instant now = Instant.now();
        String expires = validFor == null ? null : now.plus(validFor).toString();
        try (PreparedStatement insert = database.connection().prepareStatement("INSERT INTO principal_tokens (token_id,"
                + " principal_name, secret_sha256, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)")) {
            insert.setString(1, id);
            insert.setString(2, principal.name());
            insert.setString(3, HexFormat.of().formatHex(digest(secret)));
            insert.setString(4, now.toString());
            insert.setString(5, expires);
            insert.executeUpdate();
        }
        return new IssuedToken("mpt_" + id + "_" + secret, id, principal, expires);
    }

    private static byte[] digest(String secret) {
        return Sha256.newDigest().digest(secret.getBytes(StandardCharsets.US_ASCII));
    }

    /** A principal's name: letters or digits first, then letters, digits, space or {@code ._@+-}; at most 200. */
    public static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || !name.equals(name.strip())) {
            throw new InputException("principal name '" + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?")) + "': expected"
                    + " 1 to 200 letters, digits, spaces or ._@+- starting with a letter or digit, no space at the end");
        }
    }
}
