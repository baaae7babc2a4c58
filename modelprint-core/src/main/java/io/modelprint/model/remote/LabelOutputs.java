package io.modelprint.model.remote;

import io.modelprint.model.Logits;
import java.util.Arrays;
import java.util.List;

/**
 * Turns an infer response into one label per image: an integer output of n values is taken as
 * labels; a floating output of shape [n, classes] is reduced to its top-1 label (the threat model is
 * label-only, so nothing else of the scores is used).
 */
final class LabelOutputs {
    private LabelOutputs() {}

    static long[] labels(String url, List<OutputTensor> outputs, String requested, int n, int numClasses) {
        OutputTensor output = pick(url, outputs, requested);
        long[] labels = output.isInteger() ? output.longs() : fromFloats(url, output, n, numClasses);
        if (labels.length != n) {
            throw new ProtocolException(url + ": output \"" + output.name() + "\" " + Arrays.toString(output.shape())
                    + " has " + labels.length + " labels for " + n + " images");
        }
        for (long label : labels) {
            if (label < 0 || label >= numClasses) {
                throw new ProtocolException(url + ": answered label " + label + ", outside the fingerprint's "
                        + numClasses + " classes [0, " + (numClasses - 1) + "]");
            }
        }
        return labels;
    }

    static OutputTensor pick(String url, List<OutputTensor> outputs, String requested) {
        if (requested != null) {
            for (OutputTensor output : outputs) {
                if (output.name().equals(requested)) {
                    return output;
                }
            }
            if (outputs.size() != 1) {
                throw new ProtocolException(url + ": the answer has no output \"" + requested + "\" among "
                        + outputs.stream().map(OutputTensor::name).toList());
            }
        }
        if (outputs.size() != 1) {
            throw new ProtocolException(url + ": answered " + outputs.size() + " outputs "
                    + outputs.stream().map(OutputTensor::name).toList()
                    + "; expected exactly one label (INT64) or score (FP32) output");
        }
        return outputs.get(0);
    }

    private static long[] fromFloats(String url, OutputTensor output, int n, int numClasses) {
        float[] v = output.floats();
        long[] shape = output.shape();
        if (v.length == n && (shape.length == 1 || (shape.length == 2 && shape[1] == 1))) {
            return integralLabels(url, output);
        }
        if (shape.length != 2 || shape[0] != n || shape[1] != numClasses) {
            throw new ProtocolException(url + ": output \"" + output.name() + "\" has shape " + Arrays.toString(shape)
                    + "; expected scores [" + n + ", " + numClasses + "] or labels [" + n + "]");
        }
        long[] labels = new long[n];
        for (int i = 0; i < n; i++) {
            int best = Logits.argmax(v, i, numClasses);
            if (!Float.isFinite(v[i * numClasses + best])) {
                throw new ProtocolException(url + ": answered non-finite scores for image " + i);
            }
            labels[i] = best;
        }
        return labels;
    }

    private static long[] integralLabels(String url, OutputTensor output) {
        float[] v = output.floats();
        long[] labels = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new ProtocolException(url + ": output \"" + output.name() + "\" holds " + v[i]
                        + ", neither a label nor a row of scores");
            }
            labels[i] = (long) v[i];
        }
        return labels;
    }
}
