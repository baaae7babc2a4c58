package io.modelprint.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DistillationLossTest {
    /** The loss on two rows, against the formula computed by hand in double precision. */
    @Test
    void matchesTheFormula() {
        float t = 4f;
        float alpha = 0.7f;
        float[] teacherLogits = {2f, 0.5f, -1f, 0f, 3f, 1f};
        float[] student = {1f, 1f, 0f, -0.5f, 2f, 2.5f};
        double[] teacher = new double[6];
        double expected = 0;
        for (int r = 0; r < 2; r++) {
            double[] pt = softmax(teacherLogits, r, t);
            double[] ls = logSoftmax(student, r, t);
            double[] l1 = logSoftmax(student, r, 1);
            double soft = 0;
            int top = 0;
            for (int c = 0; c < 3; c++) {
                teacher[r * 3 + c] = pt[c];
                soft -= pt[c] * ls[c];
                top = pt[c] > pt[top] ? c : top;
            }
            expected += (alpha * t * t * soft + (1 - alpha) * -l1[top]) / 2;
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] teacherRows = new float[6];
            for (int i = 0; i < 6; i++) {
                teacherRows[i] = (float) teacher[i];
            }
            NDArray value = new DistillationLoss(t, alpha).evaluate(new NDList(manager.create(teacherRows, new Shape(2, 3))),
                    new NDList(manager.create(student, new Shape(2, 3))));
            assertEquals(expected, value.getFloat(), 1e-4);
        }
    }

    private static double[] softmax(float[] logits, int row, float t) {
        double[] log = logSoftmax(logits, row, t);
        double[] p = new double[3];
        for (int c = 0; c < 3; c++) {
            p[c] = Math.exp(log[c]);
        }
        return p;
    }

    private static double[] logSoftmax(float[] logits, int row, float t) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 3; c++) {
            max = Math.max(max, logits[row * 3 + c] / t);
        }
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            sum += Math.exp(logits[row * 3 + c] / t - max);
        }
        double[] out = new double[3];
        for (int c = 0; c < 3; c++) {
            out[c] = logits[row * 3 + c] / t - max - Math.log(sum);
        }
        return out;
    }
}
