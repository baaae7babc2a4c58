package io.modelprint.fingerprint;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Differentiable;
import io.modelprint.testing.LinearModel;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    /** Answers the linear model's logits, but its gradient is only half the true one (like a broken kernel). */
    private static final class HalfGradient implements Differentiable {
        private final LinearModel inner;

        HalfGradient(LinearModel inner) {
            this.inner = inner;
        }

        @Override
        public NDArray logits(NDArray batch) {
            NDArray half = inner.logits(batch.mul(0.5f));
            NDArray rest = inner.predictLogits(batch).sub(half).stopGradient();
            return half.add(rest);
        }

        @Override
        public NDArray predictLogits(NDArray batch) {
            return inner.predictLogits(batch);
        }

        @Override
        public String sha256() {
            return inner.sha256();
        }

        @Override
        public InputSpec inputSpec() {
            return inner.inputSpec();
        }

        @Override
        public int numClasses() {
            return inner.numClasses();
        }

        @Override
        public String description() {
            return "half-gradient";
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void trueGradientsPassAndWrongOnesAreCaught() {
        LinearModel model = new LinearModel(InputSpec.unitRange(1, 6, 6), 4, 7);
        assertDoesNotThrow(() -> GradientCheck.require(model, "linear"));
        String message = assertThrows(GradientCheck.Failed.class,
                () -> GradientCheck.require(new HalfGradient(model), "half")).getMessage();
        assertTrue(message.contains("half") && message.contains("ONEDNN_MAX_CPU_ISA=SSE41"), message);
    }
}
