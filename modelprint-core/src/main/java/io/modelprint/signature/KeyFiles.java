package io.modelprint.signature;

import io.modelprint.InputException;
import io.modelprint.io.AtomicFiles;
import io.modelprint.io.IoReasons;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * A key directory: {@value #PRIVATE} (the private key, PKCS#8 PEM as {@code openssl pkey} reads it,
 * owner-only) and {@value #PUBLIC} (the public key, one line of base64 of its X.509 encoding).
 * A key is never replaced: making one where either file exists is refused.
 */
public final class KeyFiles {
    public static final String PRIVATE = "modelprint.key";
    public static final String PUBLIC = "modelprint.pub";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private KeyFiles() {}

    /** Makes a new key pair in {@code dir} (created owner-only if missing); refused when {@code dir} already holds a key. */
    public static SigningKey create(Path dir) {
        for (String name : new String[] {PRIVATE, PUBLIC}) {
            if (Files.exists(dir.resolve(name))) {
                throw new InputException(dir.resolve(name) + ": a key is already there; a key is never replaced (choose another"
                        + " directory, or move the old key away yourself)");
            }
        }
        SigningKey key = SigningKey.generate();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                setMode(dir, "rwx------");
            }
            String pem = BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.privateKey().getEncoded())
                    + "\n" + END + "\n";
            createNew(dir.resolve(PRIVATE), pem, "rw-------");
            createNew(dir.resolve(PUBLIC), Ed25519.encode(key.publicKey()) + "\n", "rw-r--r--");
        } catch (FileAlreadyExistsException e) {
            throw new InputException(e.getFile() + ": a key appeared there meanwhile; a key is never replaced");
        } catch (IOException e) {
            throw new InputException("cannot write a key to " + dir + ": " + IoReasons.of(e), e);
        }
        return key;
    }

    /** Writes {@code text} to {@code file} with {@code mode}, atomically, failing if the file exists. */
    private static void createNew(Path file, String text, String mode) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        try {
            if (posix(tmp)) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode)); // the umask may have taken bits away
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp); // atomic, and fails when the name is taken
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, file);
            }
        } finally {
            AtomicFiles.deleteQuietly(tmp);
        }
    }

    /** The signing key in {@code dir}: both halves present and matching, the private half readable by its owner only. */
    public static SigningKey load(Path dir) {
        Path privateFile = dir.resolve(PRIVATE);
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir + ": no such key directory (make one with modelprint keys new --out " + dir + ")");
        }
        if (!Files.isRegularFile(privateFile)) {
            throw new InputException(dir + ": holds no private key (" + PRIVATE + "); make one with modelprint keys new --out DIR");
        }
        requireOwnerOnly(privateFile);
        PrivateKey privateKey;
        try {
            String pem = Files.readString(privateFile, StandardCharsets.US_ASCII).strip();
            if (!pem.startsWith(BEGIN) || !pem.endsWith(END)) {
                throw new InputException(privateFile + ": not a PEM private key (" + BEGIN + " ... " + END + ")");
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(BEGIN.length(), pem.length() - END.length()));
            privateKey = KeyFactory.getInstance(Ed25519.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(privateFile + ": not a PEM private key (binary content)");
        } catch (IOException e) {
            throw new InputException("cannot read " + privateFile + ": " + IoReasons.of(e), e);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InputException(privateFile + ": not an " + Ed25519.ALGORITHM + " private key");
        }
        SigningKey key = new SigningKey(privateKey, loadPublic(dir));
        if (!key.matches()) {
            throw new InputException(dir + ": " + PUBLIC + " is not the public half of " + PRIVATE);
        }
        return key;
    }

    /** The public key of a key directory, or in a {@value #PUBLIC} file given directly. */
    public static PublicKey loadPublic(Path dirOrFile) {
        Path file = Files.isDirectory(dirOrFile) ? dirOrFile.resolve(PUBLIC) : dirOrFile;
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such public key file");
        }
        try {
            if (Files.size(file) > 4096) {
                throw new InputException(file + ": too large for a public key");
            }
            return Ed25519.publicKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + IoReasons.of(e), e);
        }
    }

    /** A private key others can read is no longer only its owner's: refused, as ssh does. */
    private static void requireOwnerOnly(Path file) {
        if (!posix(file)) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new InputException(file + ": the private key is open to others (mode " + PosixFilePermissions.toString(mode)
                        + "); chmod 600 it, and consider it exposed");
            }
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + IoReasons.of(e), e);
        }
    }

    private static boolean posix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void setMode(Path path, String mode) throws IOException {
        if (posix(path)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        }
    }
}
