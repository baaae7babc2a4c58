package io.modelprint.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NpyTest {
    @Test
    void headerIsNumpysVersion1LayoutAlignedTo64Bytes() {
        byte[] bytes = Npy.encode(new long[] {1, 2, 3}, 3);
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % 64);
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }"), header);
        assertEquals('\n', header.charAt(header.length() - 1));
        assertEquals(10 + headerLength + 24, bytes.length);
        assertEquals(1, bytes[10 + headerLength]);
    }

    @Test
    void floatsAndLongsRoundTrip() {
        float[] values = {0f, 0.5f, -1.25f, Float.MIN_VALUE, 1e30f, 7f};
        Npy.Array a = Npy.decode(Npy.encode(values, 1, 2, 3));
        assertArrayEquals(new long[] {1, 2, 3}, a.shape());
        assertArrayEquals(values, a.toFloats());
        long[] longs = {Long.MIN_VALUE, 0, 9};
        assertArrayEquals(longs, Npy.decode(Npy.encode(longs, 3)).toLongs());
    }

    @Test
    void damagedArraysAreRefused() {
        byte[] good = Npy.encode(new float[] {1, 2, 3, 4}, 4);
        IllegalArgumentException shortData = assertThrows(IllegalArgumentException.class,
                () -> Npy.decode(Arrays.copyOf(good, good.length - 1)));
        assertTrue(shortData.getMessage().contains("data bytes"), shortData.getMessage());
        byte[] badMagic = good.clone();
        badMagic[1] = 'X';
        assertThrows(IllegalArgumentException.class, () -> Npy.decode(badMagic));
        assertThrows(IllegalArgumentException.class, () -> Npy.decode(good).toLongs());
        assertThrows(IllegalArgumentException.class, () -> Npy.encode(new float[3], 2, 2));
    }
}
