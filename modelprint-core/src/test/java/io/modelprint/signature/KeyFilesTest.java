package io.modelprint.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewKeyIsOwnerOnlyItsPublicHalfOneLineAndItLoadsBack() throws Exception {
        Path keys = dir.resolve("alice");
        SigningKey made = KeyFiles.create(keys);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(KeyFiles.PRIVATE))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        String pub = Files.readString(keys.resolve(KeyFiles.PUBLIC), StandardCharsets.US_ASCII);
        assertEquals(1, pub.lines().count());
        assertEquals(Ed25519.encode(made.publicKey()), pub.strip());
        SigningKey loaded = KeyFiles.load(keys);
        assertEquals(made, loaded);
        assertEquals(made.id(), Ed25519.keyId(KeyFiles.loadPublic(keys.resolve(KeyFiles.PUBLIC))));
        byte[] message = "m".getBytes(StandardCharsets.US_ASCII);
        assertTrue(Ed25519.verify(made.publicKey(), message, loaded.sign(message)));
    }

    @Test
    void anExistingKeyIsNeverReplaced() throws Exception {
        Path keys = dir.resolve("alice");
        SigningKey first = KeyFiles.create(keys);
        byte[] before = Files.readAllBytes(keys.resolve(KeyFiles.PRIVATE));
        InputException e = assertThrows(InputException.class, () -> KeyFiles.create(keys));
        assertTrue(e.getMessage().contains("never replaced"), e.getMessage());
        assertEquals(new String(before, StandardCharsets.US_ASCII),
                Files.readString(keys.resolve(KeyFiles.PRIVATE), StandardCharsets.US_ASCII));
        assertEquals(first, KeyFiles.load(keys));
    }

    @Test
    void aKeyOthersCanReadOrHalvesThatDoNotMatchAreRefused() throws Exception {
        Path keys = dir.resolve("alice");
        KeyFiles.create(keys);
        Files.setPosixFilePermissions(keys.resolve(KeyFiles.PRIVATE), PosixFilePermissions.fromString("rw-r--r--"));
        InputException open = assertThrows(InputException.class, () -> KeyFiles.load(keys));
        assertTrue(open.getMessage().contains("open to others") && open.getMessage().contains("chmod 600"), open.getMessage());
        Files.setPosixFilePermissions(keys.resolve(KeyFiles.PRIVATE), PosixFilePermissions.fromString("rw-------"));

        Path other = dir.resolve("bob");
        KeyFiles.create(other);
        Files.copy(other.resolve(KeyFiles.PUBLIC), keys.resolve(KeyFiles.PUBLIC), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        InputException mismatch = assertThrows(InputException.class, () -> KeyFiles.load(keys));
        assertTrue(mismatch.getMessage().contains("not the public half"), mismatch.getMessage());

        Files.writeString(keys.resolve(KeyFiles.PRIVATE), "not a key");
        InputException garbage = assertThrows(InputException.class, () -> KeyFiles.load(keys));
        assertTrue(garbage.getMessage().contains("not a PEM private key"), garbage.getMessage());
        assertTrue(assertThrows(InputException.class, () -> KeyFiles.load(dir.resolve("none"))).getMessage().contains("keys new"));
    }
}
