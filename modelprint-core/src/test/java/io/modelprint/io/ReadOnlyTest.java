package io.modelprint.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chmod 444 means "keep it" for every user, root included (the container's usual user, for whom the OS allows any write). */
class ReadOnlyTest {
    @TempDir
    Path dir;

    @Test
    void aFileWithoutWriteBitsIsReadOnlyAndAtomicWritesLeaveIt() throws IOException {
        Path file = dir.resolve("kept.npz");
        Files.writeString(file, "the owner's fingerprint");
        assertFalse(ReadOnly.is(file));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        assertTrue(ReadOnly.is(file), "whoever runs this test, root or not");
        InputException e = assertThrows(InputException.class,
                () -> AtomicFiles.writeString(file, "a replacement"));
        assertTrue(e.getMessage().contains("permission denied") && e.getMessage().contains("kept.npz"), e.getMessage());
        assertArrayEquals("the owner's fingerprint".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        assertFalse(ReadOnly.is(dir.resolve("missing")), "a file that does not exist is not read-only");
    }
}
