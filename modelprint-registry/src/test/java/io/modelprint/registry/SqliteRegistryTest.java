package io.modelprint.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SqliteRegistryTest extends RegistryContract {
    @Override
    String newDatabase(Path dir) {
        return dir.resolve("registry.db").toString();
    }

    @Test
    void theDatabaseFileIsCreatedOwnerOnly() throws Exception {
        Path file = dir.resolve("private.db");
        try (RegistryDatabase db = RegistryDatabase.open(file.toString(), OpenIntent.WRITE)) {
            new Registry(db).add(aliceIpguard, "alice", null);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedByNameAndLeftAsItWas() throws Exception {
        Path notDb = dir.resolve("notes.txt");
        String text = "these are my notes, not a database\n".repeat(200);
        Files.writeString(notDb, text);
        InputException e = assertThrows(InputException.class, () -> RegistryDatabase.open(notDb.toString(), OpenIntent.WRITE));
        assertTrue(e.getMessage().startsWith(notDb.toString()) && e.getMessage().contains("not an SQLite database"), e.getMessage());
        assertEquals(text, Files.readString(notDb), "the file is untouched");

        Path damaged = dir.resolve("damaged.db");
        try (RegistryDatabase db = RegistryDatabase.open(damaged.toString(), OpenIntent.WRITE)) {
            new Registry(db).add(aliceIpguard, "alice", null);
        }
        byte[] bytes = Files.readAllBytes(damaged);
        for (int i = 0; i < 100; i++) {
            bytes[i] = (byte) 0xAB; // the header
        }
        Files.write(damaged, bytes);
        InputException e2 = assertThrows(InputException.class, () -> RegistryDatabase.open(damaged.toString(), OpenIntent.WRITE));
        assertTrue(e2.getMessage().contains("not an SQLite database"), e2.getMessage());
    }

    @Test
    void aReadOnlyFileIsNeverWrittenButStillRead() throws Exception {
        Path file = dir.resolve("frozen.db");
        try (RegistryDatabase db = RegistryDatabase.open(file.toString(), OpenIntent.WRITE)) {
            new Registry(db).add(aliceIpguard, "alice", null);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);
        InputException e = assertThrows(InputException.class, () -> RegistryDatabase.open(file.toString(), OpenIntent.WRITE));
        assertEquals(file + " is read-only (mode r--r--r--): nothing was written", e.getMessage());
        try (RegistryDatabase db = RegistryDatabase.open(file.toString(), OpenIntent.READ)) {
            assertEquals(1, new Registry(db).list().size());
            InputException write = assertThrows(InputException.class, () -> new Registry(db).add(aliceSac, "alice", null));
            assertTrue(write.getMessage().contains(file.toString()), write.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(file), "the read-only file is byte for byte as it was");
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void anEmptyFileIsNoRegistryToReadAndBecomesAnOwnerOnlyOneWhenWritten() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-r--r--"));
        InputException e = assertThrows(InputException.class, () -> RegistryDatabase.open(empty.toString(), OpenIntent.READ));
        assertEquals(empty + ": not a modelprint registry (0 bytes); registry add creates one", e.getMessage());
        assertEquals(0, Files.size(empty), "a read does not write");
        InputException missing = assertThrows(InputException.class,
                () -> RegistryDatabase.open(dir.resolve("missing.db").toString(), OpenIntent.READ));
        assertTrue(missing.getMessage().contains("not a modelprint registry (no such file)"), missing.getMessage());
        assertFalse(Files.exists(dir.resolve("missing.db")), "a read does not create");

        try (RegistryDatabase db = RegistryDatabase.open(empty.toString(), OpenIntent.WRITE)) {
            new Registry(db).add(aliceIpguard, "alice", null);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(empty)));
        try (RegistryDatabase db = RegistryDatabase.open(empty.toString(), OpenIntent.READ)) {
            assertEquals(1, new Registry(db).list().size());
        }
    }

    @Test
    void aMissingDirectoryOrADirectoryIsRefused() {
        InputException missing = assertThrows(InputException.class,
                () -> RegistryDatabase.open(dir.resolve("no/such/dir/r.db").toString(), OpenIntent.WRITE));
        assertTrue(missing.getMessage().contains("no directory"), missing.getMessage());
        InputException isDir = assertThrows(InputException.class, () -> RegistryDatabase.open(dir.toString(), OpenIntent.WRITE));
        assertTrue(isDir.getMessage().contains("is a directory"), isDir.getMessage());
    }

    @Test
    void aLockedFileIsWaitedOnForABoundedTimeThenRefusedClearly() throws Exception {
        Path file = dir.resolve("locked.db");
        RegistryDatabase.open(file.toString(), OpenIntent.WRITE).close();
        String before = System.getProperty("modelprint.db.timeout");
        System.setProperty("modelprint.db.timeout", "0.5");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeUpdate("INSERT INTO evidence_head (id, records, head_hash) VALUES (2, 0, 'x')"); // takes the write lock
            }
            try (RegistryDatabase db = RegistryDatabase.open(file.toString(), OpenIntent.WRITE)) {
                long start = System.nanoTime();
                InputException e = assertThrows(InputException.class, () -> new Registry(db).add(aliceIpguard, "alice", null));
                double waited = (System.nanoTime() - start) / 1e9;
                assertTrue(e.getMessage().contains("locked by another process"), e.getMessage());
                assertTrue(waited >= 0.4, "waited " + waited + " s before giving up");
                assertTrue(new Registry(db).list().isEmpty(), "nothing half-written is visible");
            }
            holder.rollback();
        } finally {
            if (before == null) {
                System.clearProperty("modelprint.db.timeout");
            } else {
                System.setProperty("modelprint.db.timeout", before);
            }
        }
    }

    @Test
    void twoProcessesAddingAndLoggingAtOnceBothLand() throws Exception {
        ConcurrentWriters.run(dir.resolve("shared.db").toString(), files);
    }
}
