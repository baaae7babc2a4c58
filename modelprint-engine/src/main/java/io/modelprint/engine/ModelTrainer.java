package io.modelprint.engine;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterServer;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.modelprint.data.ImageDataset;
import io.modelprint.ProgressListener;
import java.util.Random;
import java.util.function.IntPredicate;

/**
 * Minibatch training with Adam and softmax cross-entropy on in-memory images. Training continues
 * from the model's current weights, so the same loop trains from scratch and fine-tunes.
 */
public final class ModelTrainer {
    private static final int EVAL_BATCH = 512;

    /** What a training run did. */
    public record Result(int images, double seconds, float lastLoss) {
        public double imagesPerSecond() {
            return images / Math.max(seconds, 1e-9);
        }
    }

    /** Runs after every optimizer step, e.g. to re-apply a pruning mask. */
    @FunctionalInterface
    public interface StepHook {
        StepHook NONE = () -> {};

        void afterStep();
    }

    /**
     * Makes adversarial versions of a batch for adversarial training (e.g. {@link PgdAttack}); called
     * outside any gradient collector, it must leave the parameters' gradients at zero.
     */
    @FunctionalInterface
    public interface Adversary {
        NDArray perturb(ai.djl.nn.Block block, ParameterStore parameters, NDArray images, NDArray labels);
    }

    private ModelTrainer() {}

    public static Result fit(Model model, ImageDataset data, TrainingConfig config, ProgressListener progress) {
        return fit(model, data, null, config, StepHook.NONE, progress);
    }

    /**
     * As {@link #fit(Model, ImageDataset, TrainingConfig, ProgressListener)}, asking {@code done} after
     * every epoch (given the epochs trained so far) and stopping at the first yes; at most
     * {@code config.epochs()} epochs. The result's images say how many were trained.
     */
    public static Result fitUntil(Model model, ImageDataset data, TrainingConfig config, IntPredicate done, ProgressListener progress) {
        return fit(model, data, null, null, null, config, StepHook.NONE, done, progress);
    }

    /**
     * Trains on {@code data}'s images. With {@code softTargets} (row-major [N, classes]
     * probabilities, e.g. a teacher's softmax) the loss is cross-entropy against them; otherwise
     * against the data set's labels.
     */
    public static Result fit(Model model, ImageDataset data, float[] softTargets, TrainingConfig config, StepHook hook,
            ProgressListener progress) {
        return fit(model, data, softTargets, null, config, hook, progress);
    }

    /** As above, with {@code softLoss} (e.g. {@link DistillationLoss}) in place of cross-entropy against the soft targets. */
    public static Result fit(Model model, ImageDataset data, float[] softTargets, Loss softLoss, TrainingConfig config, StepHook hook,
            ProgressListener progress) {
        return fit(model, data, softTargets, softLoss, null, config, hook, null, progress);
    }

    /**
     * Adversarial training on the data set's labels: every step's loss is the cross-entropy on the
     * clean batch plus the cross-entropy on {@code adversary}'s version of it.
     */
    public static Result fitAdversarially(Model model, ImageDataset data, Adversary adversary, TrainingConfig config,
            ProgressListener progress) {
        return fit(model, data, null, null, adversary, config, StepHook.NONE, null, progress);
    }

    private static Result fit(Model model, ImageDataset data, float[] softTargets, Loss softLoss, Adversary adversary,
            TrainingConfig config, StepHook hook, IntPredicate done, ProgressListener progress) {
        ImageDataset train = config.maxTrainImages() > 0 && config.maxTrainImages() < data.size()
                ? data.head(config.maxTrainImages()) : data;
        if (softTargets != null && softTargets.length != data.size() * data.numClasses()) {
            throw new IllegalArgumentException("soft targets hold " + softTargets.length + " values for "
                    + data.size() + " images of " + data.numClasses() + " classes");
        }
        Loss loss = softTargets == null ? Loss.softmaxCrossEntropyLoss()
                : softLoss != null ? softLoss : new SoftmaxCrossEntropyLoss("SoftTargetLoss", 1, -1, false, true);
        Optimizer optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate())).build();
        Random random = new Random(config.seed());
        int batches = (train.size() + config.batchSize() - 1) / config.batchSize();
        long start = System.nanoTime();
        float lastLoss = Float.NaN;
        int seen = 0;
        // DJL's Trainer refuses a first step whose gradients sum to exactly 0.0f; for a linear head under
        // softmax cross-entropy they sum to 0 in exact arithmetic, so whether the float sum is exactly 0
        // depends on the CPU's summation order (it was on AMD EPYC). The step is done here instead.
        // a loaded model's parameters are frozen; unfreeze all but batch-norm statistics, as DJL's newTrainer does
        model.getBlock().freezeParameters(false,
                p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR);
        try (NDManager run = model.getNDManager().newSubManager();
                ParameterServer server = run.getEngine().newParameterServer(optimizer)) {
            ParameterStore parameters = new ParameterStore(run, false);
            parameters.setParameterServer(server, new Device[] {run.getDevice()});
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                int[] order = train.shuffledIndices(random);
                for (int b = 0; b < batches; b++) {
                    int from = b * config.batchSize();
                    int[] batch = java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + config.batchSize()));
                    lastLoss = step(model, parameters, loss, adversary, train, softTargets, batch);
                    if (!Float.isFinite(lastLoss)) {
                        throw new TrainingDivergedException(String.format(
                                "training diverged: loss %s at epoch %d, batch %d (learning rate %s); nothing was saved;"
                                        + " try a smaller --lr", lastLoss, epoch + 1, b + 1, config.learningRate()));
                    }
                    hook.afterStep();
                    seen += batch.length;
                    progress.update((long) epoch * batches + b + 1, (long) config.epochs() * batches,
                            String.format("epoch %d/%d loss %.4f", epoch + 1, config.epochs(), lastLoss));
                }
                if (done != null && done.test(epoch + 1)) {
                    break;
                }
            }
        }
        return new Result(seen, (System.nanoTime() - start) / 1e9, lastLoss);
    }

    private static float step(Model model, ParameterStore parameters, Loss loss, Adversary adversary, ImageDataset train,
            float[] softTargets, int[] batch) {
        try (NDManager scope = parameters.getManager().newSubManager()) {
            NDArray x = train.images(scope, batch);
            NDArray y = softTargets == null ? hardLabels(scope, train, batch) : softRows(scope, softTargets, train.numClasses(), batch);
            NDArray adversarial = adversary == null ? null : adversary.perturb(model.getBlock(), parameters, x, y);
            float value;
            try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
                NDList predictions = model.getBlock().forward(parameters, new NDList(x), true);
                NDArray objective = loss.evaluate(new NDList(y), predictions);
                if (adversarial != null) {
                    objective = objective.add(loss.evaluate(new NDList(y), model.getBlock().forward(parameters, new NDList(adversarial), true)));
                }
                collector.backward(objective);
                value = objective.getFloat();
            }
            parameters.updateAllParameters();
            return value;
        }
    }

    private static NDArray hardLabels(NDManager manager, ImageDataset train, int[] batch) {
        long[] labels = new long[batch.length];
        for (int i = 0; i < batch.length; i++) {
            labels[i] = train.label(batch[i]);
        }
        return manager.create(labels);
    }

    private static NDArray softRows(NDManager manager, float[] targets, int classes, int[] batch) {
        float[] rows = new float[batch.length * classes];
        for (int i = 0; i < batch.length; i++) {
            System.arraycopy(targets, batch[i] * classes, rows, i * classes, classes);
        }
        return manager.create(rows, new ai.djl.ndarray.types.Shape(batch.length, classes));
    }

    /** Top-1 accuracy of {@code model} on {@code data}, in inference mode. */
    public static double accuracy(Model model, ImageDataset data) {
        ParameterStore parameters = new ParameterStore(model.getNDManager(), false);
        int correct = 0;
        try (NDManager scope = model.getNDManager().newSubManager()) {
            for (int from = 0; from < data.size(); from += EVAL_BATCH) {
                int n = Math.min(EVAL_BATCH, data.size() - from);
                int[] indices = new int[n];
                for (int i = 0; i < n; i++) {
                    indices[i] = from + i;
                }
                try (NDManager batchScope = scope.newSubManager()) {
                    NDArray x = data.images(batchScope, indices);
                    long[] predicted = model.getBlock().forward(parameters, new NDList(x), false)
                            .singletonOrThrow().argMax(1).toLongArray();
                    for (int i = 0; i < n; i++) {
                        correct += predicted[i] == data.label(from + i) ? 1 : 0;
                    }
                }
            }
        }
        return (double) correct / data.size();
    }
}
