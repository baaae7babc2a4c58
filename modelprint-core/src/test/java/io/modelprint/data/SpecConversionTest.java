package io.modelprint.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.modelprint.InputException;
import io.modelprint.testing.RandomImages;
import org.junit.jupiter.api.Test;

class SpecConversionTest {
    private static final InputSpec UNIT = InputSpec.unitRange(3, 4, 5);
    private static final InputSpec CAFFE_LIKE = new InputSpec(3, 4, 5, 0f, 255f, new float[] {120f, 110f, 100f},
            new float[] {60f, 50f, 40f}, true);

    @Test
    void rangeNormalizationAndChannelOrderAreConvertedExactly() {
        float[] x = RandomImages.uniform(2, UNIT, 1);
        try (NDManager manager = NDManager.newBaseManager(); NDArray batch = manager.create(x, UNIT.batchShape(2))) {
            SpecConversion conversion = SpecConversion.between(UNIT, CAFFE_LIKE, false);
            try (NDArray converted = conversion.apply(batch)) {
                assertEquals(new Shape(2, 4, 5, 3), converted.getShape());
                float[] y = converted.toFloatArray();
                for (int n = 0; n < 2; n++) {
                    for (int c = 0; c < 3; c++) {
                        for (int h = 0; h < 4; h++) {
                            for (int w = 0; w < 5; w++) {
                                float pixel = x[((n * 3 + c) * 4 + h) * 5 + w];
                                float expected = (pixel * 255f - CAFFE_LIKE.mean()[c]) / CAFFE_LIKE.std()[c];
                                assertEquals(expected, y[((n * 4 + h) * 5 + w) * 3 + c], 1e-5f);
                            }
                        }
                    }
                }
                try (NDArray back = SpecConversion.between(CAFFE_LIKE, UNIT, false).apply(converted)) {
                    assertArrayEquals(x, back.toFloatArray(), 1e-6f);
                }
            }
        }
    }

    @Test
    void sameSpecIsTheIdentityAndAnotherSizeNeedsResize() {
        assertTrue(SpecConversion.between(UNIT, InputSpec.unitRange(3, 4, 5), false).isIdentity());
        InputSpec bigger = InputSpec.unitRange(3, 8, 10);
        String refused = assertThrows(InputException.class, () -> SpecConversion.between(UNIT, bigger, false)).getMessage();
        assertTrue(refused.contains("3x4x5") && refused.contains("3x8x10") && refused.contains("--resize"), refused);
        String channels = assertThrows(InputException.class,
                () -> SpecConversion.between(InputSpec.fashionMnist(), InputSpec.unitRange(3, 28, 28), true)).getMessage();
        assertTrue(channels.contains("1x28x28") && channels.contains("3x28x28") && channels.contains("channel"), channels);
        assertTrue(channels.endsWith("(describe the model's input with --input-shape C,H,W, and --resize if the size differs)"),
                channels);
        assertTrue(refused.endsWith(InputSpec.SHAPE_HINT), refused);
        String named = assertThrows(InputException.class, () -> SpecConversion.between(InputSpec.fashionMnist(),
                InputSpec.unitRange(3, 28, 28), true, new SpecConversion.Sides("the data set's images", "the target's input", "(hint)")))
                .getMessage();
        assertTrue(named.startsWith("cannot convert the data set's images (1x28x28") && named.contains("to the target's input (3x28x28")
                && named.endsWith("(hint)") && !named.contains("suspect"), named);
        float[] flat = new float[2 * UNIT.pixelsPerImage()];
        java.util.Arrays.fill(flat, 0.25f);
        try (NDManager manager = NDManager.newBaseManager(); NDArray batch = manager.create(flat, UNIT.batchShape(2));
                NDArray resized = SpecConversion.between(UNIT, bigger, true).apply(batch)) {
            assertEquals(new Shape(2, 3, 8, 10), resized.getShape());
            for (float v : resized.toFloatArray()) {
                assertEquals(0.25f, v, 1e-6f, "a flat image stays flat when resized");
            }
        }
    }
}
