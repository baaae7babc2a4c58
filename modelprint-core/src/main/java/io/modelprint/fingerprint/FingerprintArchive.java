package io.modelprint.fingerprint;

import io.modelprint.InputException;
import io.modelprint.io.BoundedZip;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * The zip a fingerprint file is: named entries written with fixed times (equal entries give equal
 * bytes), and read back, from a file or from memory alike, through the central directory within a
 * bound on what they may inflate to.
 */
final class FingerprintArchive {
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01, zip's epoch
    /** Bytes all entries may inflate to, counted as they are read (a zip's declared sizes can lie). */
    static final long MAX_INFLATED_BYTES = 1L << 30;
    /** Room for the zip's headers and deflate's worst case (5 bytes a 16 KiB block) around the entries. */
    private static final long MAX_FILE_BYTES = MAX_INFLATED_BYTES + (1L << 24);

    private FingerprintArchive() {}

    /** Writes {@code entries} as a zip, in their order. */
    static void write(OutputStream out, Map<String, byte[]> entries) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setLastModifiedTime(FIXED_TIME);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /** The entries of the zip {@code file}, by name in file order. */
    static Map<String, byte[]> read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InputException(file + ": " + size + " bytes; a fingerprint file holds at most "
                        + MAX_FILE_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return read(file.toString(), bytes);
    }

    /** The entries of a zip held in memory; {@code source} names it in errors. */
    static Map<String, byte[]> read(String source, byte[] bytes) {
        return read(source, bytes, MAX_INFLATED_BYTES);
    }

    static Map<String, byte[]> read(String source, byte[] bytes, long maxInflatedBytes) {
        Map<String, byte[]> entries;
        try {
            entries = BoundedZip.read(bytes, maxInflatedBytes);
        } catch (ZipException e) {
            throw new InputException(source + ": not a valid .npz (zip) file: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new InputException(source + ": not a .npz fingerprint file (no zip entries)");
        }
        return entries;
    }

    /** Refuses an entry the layout does not define: a reader must neither keep nor skip what it cannot vouch for. */
    static void requireOnly(String source, Map<String, byte[]> entries, Collection<String> defined) {
        for (String name : entries.keySet()) {
            if (!defined.contains(name)) {
                throw new InputException(source + ": entry '" + name + "' is not part of a modelprint fingerprint"
                        + " (entries: " + entries.keySet() + ")");
            }
        }
    }
}
