package io.modelprint.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.modelprint.io.Sha256;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ImageDatasetHashTest {
    @Test
    void theHashCoversLabelsThenPixelsAsLittleEndianBytes() {
        ImageDataset data = new ImageDataset("d", InputSpec.unitRange(1, 1, 2), new float[] {0.5f, 1f, 0f, 0.25f}, new int[] {1, 0}, 2);
        ByteBuffer bytes = ByteBuffer.allocate(2 * 4 + 4 * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(1).putInt(0).putFloat(0.5f).putFloat(1f).putFloat(0f).putFloat(0.25f);
        assertEquals(Sha256.hex(bytes.array()), data.sha256());
        ImageDataset relabelled = new ImageDataset("d", InputSpec.unitRange(1, 1, 2), new float[] {0.5f, 1f, 0f, 0.25f},
                new int[] {0, 0}, 2);
        assertNotEquals(data.sha256(), relabelled.sha256(), "a changed label changes the hash");
    }
}
