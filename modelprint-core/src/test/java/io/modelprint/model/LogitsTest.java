package io.modelprint.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogitsTest {
    private static final float NAN = Float.NaN;

    @Test
    void argmaxFindsEachRowsTopClassAndTheFirstOfEqualOnes() {
        float[] rows = {
            0.1f, 2f, -1f,
            5f, 5f, 1f,
            -3f, -2f, -2f,
        };
        assertEquals(1, Logits.argmax(rows, 0, 3));
        assertEquals(0, Logits.argmax(rows, 1, 3), "the first of equal highest");
        assertEquals(1, Logits.argmax(rows, 2, 3));
        assertArrayEquals(new long[] {1, 0, 1}, Logits.argmax(rows, 3));
    }

    @Test
    void argminFindsTheFirstLowest() {
        float[] rows = {3f, -1f, -1f, 2f};
        assertEquals(1, Logits.argmin(rows, 0, 4));
        assertEquals(0, Logits.argmin(new float[] {0f, 0f}, 0, 2));
    }

    @Test
    void aNanNeverWinsOverAnEarlierClassAndALeadingNanStays() {
        assertEquals(0, Logits.argmax(new float[] {1f, NAN, 0.5f}, 0, 3));
        assertEquals(2, Logits.argmax(new float[] {1f, NAN, 3f}, 0, 3));
        assertEquals(0, Logits.argmax(new float[] {NAN, 9f, 3f}, 0, 3), "compared with NaN, nothing is larger");
        assertEquals(0, Logits.argmin(new float[] {NAN, -9f}, 0, 2));
    }
}
