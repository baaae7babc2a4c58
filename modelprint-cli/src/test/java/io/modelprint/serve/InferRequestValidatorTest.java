package io.modelprint.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A request whose shape's element count overflows a long is refused as too large, never with a wrapped-around count. */
class InferRequestValidatorTest {
    private static final int MAX_BATCH = 4;

    @Test
    void aShapeWhoseElementCountOverflowsIsRefusedAsTooLarge() {
        // 3e18 * 784 wraps to a negative long; 2^62 * 784 wraps to exactly 0, which an empty data array would match
        for (String shape : new String[] {"[3000000000000000000, 1, 28, 28]", "[4611686018427387904, 1, 28, 28]"}) {
            BadRequest refused = assertThrows(BadRequest.class, () -> validator().parse(body(shape, "[]")));
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().contains("too large"), refused.getMessage());
            assertFalse(refused.getMessage().matches(".*-\\d.*"), refused.getMessage());
        }
    }

    @Test
    void aFittingRequestIsAccepted() {
        assertEquals(784, validator().parse(body("[1, 1, 28, 28]", "[" + "0,".repeat(783) + "0]")).inputs().get(0).floats().length);
    }

    private static InferRequestValidator validator() {
        return new InferRequestValidator(new ServedModel("m", new Blank(), false, 1), MAX_BATCH);
    }

    private static byte[] body(String shape, String data) {
        return ("{\"inputs\": [{\"name\": \"input\", \"shape\": " + shape + ", \"datatype\": \"FP32\", \"data\": " + data + "}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The validator only reads the model's input spec and outputs. */
    private static final class Blank implements Classifier {
        @Override
        public InputSpec inputSpec() {
            return InputSpec.fashionMnist();
        }

        @Override
        public int numClasses() {
            return 10;
        }

        @Override
        public long[] predictLabels(float[] images, int count) {
            return new long[count];
        }

        @Override
        public String description() {
            return "blank";
        }

        @Override
        public void close() {
        }
    }
}
