package io.modelprint.gradient;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import io.modelprint.data.InputSpec;
import io.modelprint.testing.CountingModel;
import io.modelprint.testing.ForwardingModel;
import io.modelprint.testing.HalfGradient;
import io.modelprint.testing.LinearModel;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    @Test
    void trueGradientsPassAndWrongOnesAreCaught() {
        LinearModel model = new LinearModel(InputSpec.unitRange(1, 6, 6), 4, 7);
        assertDoesNotThrow(() -> new GradientCheck().require(model, "linear"));
        String message = assertThrows(UnreliableGradientsException.class,
                () -> new GradientCheck().require(new HalfGradient(model), "half")).getMessage();
        assertTrue(message.contains("half") && message.contains("ONEDNN_MAX_CPU_ISA=SSE41"), message);
    }

    @Test
    void aCheckerChecksEachTargetOnceAndAnotherCheckerAgain() {
        CountingModel model = new CountingModel(new LinearModel(InputSpec.unitRange(1, 6, 6), 4, 7));
        GradientCheck checks = new GradientCheck();
        checks.require(model, "counting");
        int afterFirst = model.calls();
        assertTrue(afterFirst > 0, "the first check runs the model");
        checks.require(model, "counting");
        assertEquals(afterFirst, model.calls(), "the same checker does not check a passed target again");
        new GradientCheck().require(model, "counting");
        assertTrue(model.calls() > afterFirst, "a new checker remembers nothing: no state outlives a checker");
    }

    /** Records the largest batch it is asked. */
    private static final class LargestBatch extends ForwardingModel {
        long largest;

        LargestBatch(LinearModel inner) {
            super(inner);
        }

        @Override
        public NDArray logits(NDArray batch) {
            largest = Math.max(largest, batch.getShape().get(0));
            return inner.logits(batch);
        }

        @Override
        public NDArray predictLogits(NDArray batch) {
            largest = Math.max(largest, batch.getShape().get(0));
            return inner.predictLogits(batch);
        }
    }

    @Test
    void largeInputsAreCheckedOnAFewImagesSmallOnesOnBatchesUpTo128() {
        LargestBatch small = new LargestBatch(new LinearModel(InputSpec.unitRange(1, 28, 28), 3, 7));
        new GradientCheck().require(small, "small");
        assertEquals(128, small.largest);
        LargestBatch large = new LargestBatch(new LinearModel(InputSpec.unitRange(3, 224, 224), 3, 7));
        new GradientCheck().require(large, "large");
        assertEquals(2, large.largest, "two 3x224x224 images, not 128 (minutes and gigabytes on a ResNet-18)");
    }
}
