package io.modelprint.serve;

import io.modelprint.model.remote.InferRequest;
import io.modelprint.model.remote.InferenceProtocol;
import io.modelprint.model.remote.OutputTensor;
import io.modelprint.model.remote.ProtocolException;
import java.util.Arrays;

/**
 * Checks an infer request against the served model before it reaches the engine: one FP32 input of
 * shape [n, ...image] with 1 <= n <= the batch limit, finite values, known output names.
 */
final class InferRequestValidator {
    private final ServedModel model;
    private final int maxBatch;

    InferRequestValidator(ServedModel model, int maxBatch) {
        this.model = model;
        this.maxBatch = maxBatch;
    }

    /** The parsed request, or a {@link BadRequest} saying what is wrong. */
    InferRequest parse(byte[] body) {
        if (body.length == 0) {
            throw new BadRequest(400, "empty request body; expected {\"inputs\": [...]} JSON");
        }
        InferRequest request;
        try {
            request = InferenceProtocol.readInferRequest(body, (long) maxBatch * model.inputSpec().pixelsPerImage());
        } catch (ProtocolException e) {
            throw new BadRequest(400, e.getMessage());
        }
        if (request.inputs().size() != 1) {
            throw new BadRequest(400, "expected exactly 1 input (" + ServedModel.INPUT + "), got " + request.inputs().size());
        }
        OutputTensor input = request.inputs().get(0);
        if (!InferenceProtocol.FP32.equals(input.datatype())) {
            throw new BadRequest(400, "input \"" + input.name() + "\" has datatype " + input.datatype() + "; expected FP32");
        }
        long[] expected = model.inputSpec().batchShape(-1).getShape();
        long[] shape = input.shape();
        boolean fits = shape.length == expected.length;
        for (int i = 1; fits && i < shape.length; i++) {
            fits = shape[i] == expected[i];
        }
        if (!fits) {
            throw new BadRequest(400, "input \"" + input.name() + "\" has shape " + Arrays.toString(shape) + "; expected "
                    + Arrays.toString(expected).replace("-1", "n") + " (" + model.inputSpec() + ")");
        }
        if (shape[0] < 1 || shape[0] > maxBatch) {
            throw new BadRequest(400, "batch of " + shape[0] + " images; this server takes 1 to " + maxBatch + " per request");
        }
        float[] values = input.floats();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new BadRequest(400, "input \"" + input.name() + "\" holds " + values[i] + " at flat index " + i
                        + "; only finite values are accepted");
            }
        }
        for (String output : request.requestedOutputs()) {
            if (!model.outputNames().contains(output)) {
                throw new BadRequest(400, "unknown output \"" + output + "\"; this model offers " + model.outputNames());
            }
        }
        return request;
    }
}
