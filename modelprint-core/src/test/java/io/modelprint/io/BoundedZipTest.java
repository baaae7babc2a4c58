package io.modelprint.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

class BoundedZipTest {
    private static final long BOUND = 1 << 20;
    private static final byte[] A = "alpha alpha alpha alpha".getBytes(StandardCharsets.UTF_8);
    private static final byte[] B = new byte[5000];

    /** A zip of a stored and a deflated entry, as ZipOutputStream writes them. */
    private static byte[] zip(boolean storeFirst) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry first = new ZipEntry("a.txt");
            if (storeFirst) {
                CRC32 crc = new CRC32();
                crc.update(A);
                first.setMethod(ZipEntry.STORED);
                first.setSize(A.length);
                first.setCrc(crc.getValue());
            }
            zip.putNextEntry(first);
            zip.write(A);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("dir/b.bin"));
            zip.write(B);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static String refusal(byte[] zip) {
        return assertThrows(ZipException.class, () -> BoundedZip.read(zip, BOUND)).getMessage();
    }

    @Test
    void storedAndDeflatedEntriesComeBackInTheirOrder() throws IOException {
        Map<String, byte[]> entries = BoundedZip.read(zip(true), BOUND);
        assertEquals(List.of("a.txt", "dir/b.bin"), List.copyOf(entries.keySet()));
        assertArrayEquals(A, entries.get("a.txt"));
        assertArrayEquals(B, BoundedZip.read(zip(false), BOUND).get("dir/b.bin"));
    }

    @Test
    void aZipCutAnywhereIsRefusedEvenBetweenTwoEntries() throws IOException {
        byte[] zip = zip(true);
        int central = ZipBytes.centralRecord(zip, "a.txt");
        for (int cut : new int[] {central, zip.length - 1, zip.length / 2, 3}) {
            String message = refusal(Arrays.copyOf(zip, cut));
            assertTrue(message.startsWith("not a zip file, or corrupt or cut short: "), message);
        }
    }

    @Test
    void aSizeOrCrcThatDoesNotMatchTheDataIsRefused() throws IOException {
        byte[] smaller = zip(false);
        ZipBytes.setField(smaller, "dir/b.bin", ZipBytes.SIZE, B.length - 1);
        assertTrue(refusal(smaller).contains("inflates to 5000 bytes but its header says 4999"), refusal(smaller));

        byte[] huge = zip(false);
        ZipBytes.setField(huge, "dir/b.bin", ZipBytes.SIZE, BOUND + 1);
        assertTrue(refusal(huge).contains("declares 1048577 bytes"), refusal(huge));

        byte[] flipped = zip(true);
        flipped[30 + "a.txt".length() + 2] ^= 1; // a stored byte of a.txt
        assertTrue(refusal(flipped).contains("CRC"), refusal(flipped));
    }

    @Test
    void anEntryWhoseDataRunsIntoAnotherIsRefused() throws IOException {
        byte[] zip = zip(true);
        long cover = ZipBytes.field(zip, "dir/b.bin", ZipBytes.LOCAL_HEADER) + 10 - (30 + "a.txt".length());
        ZipBytes.setField(zip, "a.txt", ZipBytes.COMPRESSED_SIZE, cover); // a.txt's stored data now reaches into b's header
        ZipBytes.setField(zip, "a.txt", ZipBytes.SIZE, cover);
        assertTrue(refusal(zip).contains("overlaps"), refusal(zip));
    }

    @Test
    void aLocalHeaderThatNamesAnotherEntryIsRefused() throws IOException {
        byte[] zip = zip(true);
        zip[(int) ZipBytes.field(zip, "dir/b.bin", ZipBytes.LOCAL_HEADER) + 30] = 'e'; // the last local header: eir/b.bin
        assertTrue(refusal(zip).contains("entry dir/b.bin has no local header of its name"), refusal(zip));
    }

    @Test
    void encryptedEntriesOtherMethodsAndZip64AreRefused() throws IOException {
        byte[] encrypted = zip(true);
        encrypted[ZipBytes.centralRecord(encrypted, "a.txt") + ZipBytes.FLAGS] |= 1;
        assertTrue(refusal(encrypted).contains("entry a.txt is encrypted"), refusal(encrypted));

        byte[] bzip2 = zip(false); // a method the library reads, but nothing here writes
        bzip2[ZipBytes.centralRecord(bzip2, "dir/b.bin") + ZipBytes.METHOD] = 12;
        assertTrue(refusal(bzip2).contains("entry dir/b.bin uses compression method 12"), refusal(bzip2));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip64 = new ZipArchiveOutputStream(bytes)) {
            zip64.setUseZip64(Zip64Mode.Always);
            zip64.putArchiveEntry(new ZipArchiveEntry("a.txt"));
            zip64.write(A);
            zip64.closeArchiveEntry();
        }
        assertTrue(refusal(bytes.toByteArray()).contains("entry a.txt needs zip64"), refusal(bytes.toByteArray()));
    }

    @Test
    void aDirectoryTheLibraryCannotReadIsRefusedInItsWords() throws IOException {
        byte[] zip = zip(true);
        ZipBytes.setField(zip, "dir/b.bin", ZipBytes.LOCAL_HEADER, ZipBytes.centralRecord(zip, "a.txt") + 1);
        String message = refusal(zip);
        assertTrue(message.startsWith("not a zip file, or corrupt or cut short: ") && message.contains("dir/b.bin"), message);
    }

    @Test
    void aDirectoryRecordTheLibraryWouldStopAtIsRefusedRatherThanTheEntriesAfterItDropped() throws IOException {
        byte[] zip = zip(true);
        zip[ZipBytes.centralRecord(zip, "dir/b.bin")] = 0; // its signature: the library reads a.txt alone
        assertTrue(refusal(zip).contains("the end record counts 2 entries, the central directory holds 1"), refusal(zip));

        byte[] honest = zip(true);
        byte[] prefixed = new byte[honest.length + 7]; // the library would shift every offset past the 7 bytes
        System.arraycopy(honest, 0, prefixed, 7, honest.length);
        assertTrue(refusal(prefixed).contains("does not end where the end record begins"), refusal(prefixed));
    }
}
