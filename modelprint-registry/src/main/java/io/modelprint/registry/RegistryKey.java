package io.modelprint.registry;

import io.modelprint.InputException;
import io.modelprint.signature.KeyFiles;
import io.modelprint.signature.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

/**
 * Where the registry's own key lives (it signs the evidence log): {@code --registry-key DIR}, else
 * {@code $MODELPRINT_REGISTRY_KEY}, else, for an SQLite registry, the directory {@code DB.key} next to
 * the database file, made on first use. A PostgreSQL registry has no file to sit beside: its key
 * must be named. A named directory must already hold a key ({@code modelprint keys new}).
 */
public final class RegistryKey {
    public static final String ENV = "MODELPRINT_REGISTRY_KEY";
    public static final String SUFFIX = ".key";

    private RegistryKey() {}

    /** The key directory for {@code location}: the option, the environment's, the SQLite default, or null (PostgreSQL). */
    public static Path directory(DatabaseLocation location, Path option) {
        if (option != null) {
            return option;
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return location.dialect() == DatabaseLocation.Dialect.SQLITE ? besideDatabase(location) : null;
    }

    /** The key that signs appends to {@code location}'s log: loaded, or for the SQLite default made on first use. */
    public static SigningKey forAppend(DatabaseLocation location, Path option) {
        Path dir = directory(location, option);
        if (dir == null) {
            throw new InputException(location.describe() + ": the registry signs its evidence log with its own key; for a"
                    + " PostgreSQL registry name it with --registry-key DIR (or $" + ENV + "); make one with modelprint keys new"
                    + " --out DIR, and keep it as safe as the database's password");
        }
        boolean isDefault = option == null && dir.equals(besideDatabase(location));
        if (isDefault && !Files.exists(dir)) {
            return createBeside(dir);
        }
        return KeyFiles.load(dir);
    }

    /** Makes the key in a directory of its own, then renames it into place: two first users end up with one key. */
    private static SigningKey createBeside(Path dir) {
        Path tmp = dir.resolveSibling("." + dir.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        SigningKey key = KeyFiles.create(tmp);
        try {
            Files.move(tmp, dir);
            return key;
        } catch (java.io.IOException e) {
            // another process moved its key into place first: use that one
            for (String name : new String[] {KeyFiles.PRIVATE, KeyFiles.PUBLIC}) {
                io.modelprint.io.AtomicFiles.deleteQuietly(tmp.resolve(name));
            }
            io.modelprint.io.AtomicFiles.deleteQuietly(tmp);
            return KeyFiles.load(dir);
        }
    }

    /** The registry's public key for checking its log's signatures, or null when none is found (the database's own list is used). */
    public static PublicKey forVerify(DatabaseLocation location, Path option) {
        Path dir = directory(location, option);
        if (dir == null) {
            return null;
        }
        if (option == null && dir.equals(besideDatabase(location)) && !Files.exists(dir.resolve(KeyFiles.PUBLIC))) {
            return null;
        }
        return KeyFiles.loadPublic(dir);
    }

    private static Path besideDatabase(DatabaseLocation location) {
        if (location.dialect() != DatabaseLocation.Dialect.SQLITE) {
            return null;
        }
        return location.file().resolveSibling(location.file().getFileName() + SUFFIX);
    }
}
