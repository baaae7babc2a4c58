package io.modelprint.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Edits a zip's bytes the way a hostile file would differ from an honest one. */
public final class ZipBytes {
    /** Offsets in a central-directory record. */
    public static final int FLAGS = 8;
    public static final int METHOD = 10;
    public static final int CRC = 16;
    public static final int COMPRESSED_SIZE = 20;
    public static final int SIZE = 24;
    public static final int LOCAL_HEADER = 42;

    private ZipBytes() {}

    /** Where the central directory's record of {@code name} starts. */
    public static int centralRecord(byte[] zip, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + wanted.length <= zip.length; i++) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 1 && zip[i + 3] == 2
                    && Arrays.equals(wanted, Arrays.copyOfRange(zip, i + 46, i + 46 + wanted.length))) {
                return i;
            }
        }
        throw new AssertionError("no central record of " + name);
    }

    /** Sets the 4-byte field at {@code offset} of {@code name}'s central record. */
    public static void setField(byte[] zip, String name, int offset, long value) {
        ByteBuffer.wrap(zip, centralRecord(zip, name) + offset, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value);
    }

    public static long field(byte[] zip, String name, int offset) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(zip, centralRecord(zip, name) + offset, 4)
                .order(ByteOrder.LITTLE_ENDIAN).getInt());
    }

    /** Renames an entry everywhere it is named (a name of the same length): a zip writer would refuse the result. */
    public static byte[] rename(byte[] zip, String from, String to) {
        byte[] old = from.getBytes(StandardCharsets.UTF_8);
        byte[] name = to.getBytes(StandardCharsets.UTF_8);
        if (old.length != name.length) {
            throw new IllegalArgumentException("names of different lengths");
        }
        byte[] renamed = zip.clone();
        for (int i = 0; i + old.length <= renamed.length; i++) {
            if (Arrays.equals(old, Arrays.copyOfRange(renamed, i, i + old.length))) {
                System.arraycopy(name, 0, renamed, i, name.length);
            }
        }
        return renamed;
    }
}
