package io.modelprint.engine;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import io.modelprint.InputException;
import io.modelprint.data.InputSpec;
import io.modelprint.model.Logits;
import io.modelprint.model.Scored;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An ONNX model (float32 [N,C,H,W] in, logits or scores [N,classes] out) run by ONNX Runtime
 * through DJL: inference only, so it can be a suspect but not a target. The PyTorch engine is
 * started first, as the two engines then share one process.
 */
public final class OnnxClassifier implements Scored {
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final InputSpec spec;
    private final int numClasses;
    private final String description;

    private OnnxClassifier(ZooModel<NDList, NDList> model, InputSpec spec, int numClasses, String description) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.spec = spec;
        this.numClasses = numClasses;
        this.description = description;
    }

    static OnnxClassifier load(Path file, InputSpec spec) {
        EngineSetup.ensureStarted();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file).optEngine("OnnxRuntime").build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new InputException(file + ": not a loadable ONNX model: " + e.getMessage(), e);
        }
        try (Predictor<NDList, NDList> probe = model.newPredictor(); NDManager manager = NDManager.newBaseManager()) {
            NDList out = probe.predict(new NDList(manager.zeros(spec.batchShape(2))));
            if (out.isEmpty() || out.head().getShape().dimension() != 2 || out.head().getShape().get(0) != 2) {
                throw new InputException(file + ": expected an output of scores [N,classes] for input " + spec.batchShape(2)
                        + ", got " + java.util.Arrays.toString(out.getShapes()));
            }
            int classes = (int) out.head().getShape().get(1);
            return new OnnxClassifier(model, spec, classes, file.toString());
        } catch (TranslateException | RuntimeException e) {
            model.close();
            if (e instanceof InputException input) {
                throw input;
            }
            String declared = declaredInputs(file);
            throw new InputException(file + ": does not take the queries as sent, float32 " + spec.batchShape(2) + " ("
                    + spec + ")" + (declared != null ? "; the model declares input " + declared : "")
                    + ". Describe its input with --input-shape, --input-range, --mean/--std, --channels-last"
                    + " (a fixed batch size is not supported): " + firstLine(e.getMessage()), e);
        }
    }

    /** The input shapes the ONNX graph declares (-1 for a dynamic dimension), or null when unreadable. */
    private static String declaredInputs(Path file) {
        try (ai.onnxruntime.OrtSession session = ai.onnxruntime.OrtEnvironment.getEnvironment().createSession(file.toString())) {
            StringBuilder text = new StringBuilder();
            for (var input : session.getInputInfo().values()) {
                if (input.getInfo() instanceof ai.onnxruntime.TensorInfo tensor) {
                    text.append(text.length() > 0 ? ", " : "").append(input.getName()).append(' ')
                            .append(java.util.Arrays.toString(tensor.getShape()));
                }
            }
            return text.length() > 0 ? text.toString() : null;
        } catch (ai.onnxruntime.OrtException | RuntimeException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    @Override
    public InputSpec inputSpec() {
        return spec;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    /** Scores as the model answers them; a DJL predictor is not thread-safe, so calls take turns. */
    @Override
    public synchronized NDArray predictLogits(NDArray batch) {
        int n = (int) batch.getShape().get(0);
        NDList out;
        try {
            out = predictor.predict(new NDList(batch));
        } catch (TranslateException e) {
            throw new InputException(description + ": inference failed: " + e.getMessage(), e);
        }
        NDArray scores = out.head();
        if (scores.getShape().size() != (long) n * numClasses) {
            out.close();
            throw new InputException(description + ": answered " + scores.getShape().size() + " scores for " + n
                    + " inputs of " + numClasses + " classes");
        }
        NDArray copy = batch.getManager().create(scores.toFloatArray(), new ai.djl.ndarray.types.Shape(n, numClasses));
        out.close();
        return copy;
    }

    @Override
    public long[] predictLabels(float[] images, int count) {
        float[] scores;
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager();
                NDArray logits = predictLogits(manager.create(images, spec.batchShape(count)))) {
            scores = logits.toFloatArray();
        }
        for (float value : scores) {
            if (!Float.isFinite(value)) {
                throw new InputException(description + ": model answered NaN or infinite scores");
            }
        }
        return Logits.argmax(scores, numClasses);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
