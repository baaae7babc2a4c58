package io.modelprint.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Knowledge distillation (Hinton et al.; the loss of SAC's extraction attack): labels are the
 * teacher's softmax at temperature T, and the loss is
 * {@code alpha * T^2 * CE(teacher_T, softmax(student / T)) + (1 - alpha) * CE(student, teacher's top-1)}.
 * The soft term is the KL divergence up to the teacher's entropy (a constant), scaled by T^2 so that
 * its gradients keep their size as T grows.
 */
public final class DistillationLoss extends Loss {
    private final float temperature;
    private final float alpha;

    public DistillationLoss(float temperature, float alpha) {
        super("DistillationLoss");
        if (!(temperature > 0) || !(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("temperature must be > 0 and alpha in [0,1], got " + temperature + ", " + alpha);
        }
        this.temperature = temperature;
        this.alpha = alpha;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray teacher = labels.singletonOrThrow();
        NDArray student = predictions.singletonOrThrow();
        NDArray soft = teacher.mul(student.div(temperature).logSoftmax(1)).sum(new int[] {1}).neg().mean()
                .mul(temperature * temperature);
        int classes = (int) teacher.getShape().get(1);
        NDArray hard = student.logSoftmax(1).mul(teacher.argMax(1).oneHot(classes)).sum(new int[] {1}).neg().mean();
        return soft.mul(alpha).add(hard.mul(1 - alpha));
    }
}
