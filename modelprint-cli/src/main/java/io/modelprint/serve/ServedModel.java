package io.modelprint.serve;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Classifier;
import io.modelprint.model.Scored;
import io.modelprint.model.remote.InferenceProtocol;
import io.modelprint.model.remote.ModelMetadata;
import io.modelprint.model.remote.OutputTensor;
import io.modelprint.model.remote.TensorMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A loaded model as the server offers it: output {@code label} (INT64 [n]) always, and
 * {@code scores} (FP32 [n, classes], the model's logits or probabilities) unless labels-only or the
 * model has no scores (random forests). At most {@code workers} calls run in the model at once: with one engine thread per call
 * (how the launcher starts {@code serve}), one worker per core keeps every core busy on small requests.
 */
public final class ServedModel {
    public static final String LABEL = "label";
    public static final String SCORES = "scores";
    static final String INPUT = "input";

    private final String name;
    private final Classifier model;
    private final boolean labelsOnly;
    private final Semaphore workers;
    private final String defense;
    /** Images per engine call; a request's batch is answered in such chunks. */
    static final int FORWARD_CHUNK = 32;

    public ServedModel(String name, Classifier model, boolean labelsOnly, int workers) {
        this(name, model, labelsOnly, workers, null);
    }

    /** @param defense the evasive defense the model runs behind (stated in its metadata), or null */
    public ServedModel(String name, Classifier model, boolean labelsOnly, int workers, String defense) {
        this.name = name;
        this.defense = defense;
        this.model = model;
        this.labelsOnly = labelsOnly || !(model instanceof Scored);
        this.workers = new Semaphore(workers);
    }

    public String name() {
        return name;
    }

    public InputSpec inputSpec() {
        return model.inputSpec();
    }

    public int numClasses() {
        return model.numClasses();
    }

    public List<String> outputNames() {
        return labelsOnly ? List.of(LABEL) : List.of(LABEL, SCORES);
    }

    public ModelMetadata metadata() {
        List<TensorMetadata> outputs = new ArrayList<>();
        outputs.add(new TensorMetadata(LABEL, InferenceProtocol.INT64, new long[] {-1}));
        if (!labelsOnly) {
            outputs.add(new TensorMetadata(SCORES, InferenceProtocol.FP32, new long[] {-1, model.numClasses()}));
        }
        return new ModelMetadata(name, "modelprint", List.of(new TensorMetadata(INPUT, InferenceProtocol.FP32,
                model.inputSpec().batchShape(-1).getShape())), outputs,
                defense == null ? java.util.Map.of() : java.util.Map.of("defense", defense));
    }

    /** Runs the model on {@code n} images and returns the asked outputs (all offered ones when {@code wanted} is empty). */
    public List<OutputTensor> answer(float[] images, int n, List<String> wanted) {
        List<String> names = wanted.isEmpty() ? outputNames() : wanted;
        boolean scores = names.contains(SCORES);
        long[] labels = new long[n];
        float[] logits = scores ? new float[n * model.numClasses()] : null;
        int size = model.inputSpec().pixelsPerImage();
        workers.acquireUninterruptibly();
        try {
            // a few images at a time: the engine's activation memory stays small whatever the request's batch
            for (int start = 0; start < n; start += FORWARD_CHUNK) {
                int count = Math.min(FORWARD_CHUNK, n - start);
                float[] chunk = java.util.Arrays.copyOfRange(images, start * size, (start + count) * size);
                if (scores) {
                    try (NDManager manager = NDManager.newBaseManager();
                            NDArray batch = manager.create(chunk, model.inputSpec().batchShape(count));
                            NDArray out = ((Scored) model).predictLogits(batch); NDArray top = out.argMax(1)) {
                        System.arraycopy(out.toFloatArray(), 0, logits, start * model.numClasses(), count * model.numClasses());
                        System.arraycopy(top.toLongArray(), 0, labels, start, count);
                    }
                } else {
                    System.arraycopy(model.predictLabels(chunk, count), 0, labels, start, count);
                }
            }
        } finally {
            workers.release();
        }
        List<OutputTensor> outputs = new ArrayList<>();
        for (String output : names) {
            outputs.add(output.equals(SCORES)
                    ? new OutputTensor(SCORES, InferenceProtocol.FP32, new long[] {n, model.numClasses()}, null, logits)
                    : new OutputTensor(LABEL, InferenceProtocol.INT64, new long[] {n}, labels, null));
        }
        return outputs;
    }
}
