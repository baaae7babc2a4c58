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
import org.junit.jupiter.api.Test;

class ZipReaderTest {
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
        return assertThrows(ZipException.class, () -> ZipReader.read(zip, BOUND)).getMessage();
    }

    @Test
    void storedAndDeflatedEntriesComeBackInTheirOrder() throws IOException {
        Map<String, byte[]> entries = ZipReader.read(zip(true), BOUND);
        assertEquals(List.of("a.txt", "dir/b.bin"), List.copyOf(entries.keySet()));
        assertArrayEquals(A, entries.get("a.txt"));
        assertArrayEquals(B, ZipReader.read(zip(false), BOUND).get("dir/b.bin"));
    }

    @Test
    void aZipCutAnywhereIsRefusedEvenBetweenTwoEntries() throws IOException {
        byte[] zip = zip(true);
        int central = ZipBytes.centralRecord(zip, "a.txt");
        for (int cut : new int[] {central, zip.length - 1, zip.length / 2, 3}) {
            String message = refusal(Arrays.copyOf(zip, cut));
            assertTrue(message.contains("no end of central directory"), message);
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
}
