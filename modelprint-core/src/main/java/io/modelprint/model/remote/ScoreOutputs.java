package io.modelprint.model.remote;

import java.util.Arrays;
import java.util.List;

/** Turns an infer response into a row of scores per image: a floating output of shape [n, classes], all finite. */
final class ScoreOutputs {
    private ScoreOutputs() {}

    static float[] scores(String url, List<OutputTensor> outputs, String requested, int n, int numClasses) {
        OutputTensor output = LabelOutputs.pick(url, outputs, requested);
        long[] shape = output.shape();
        if (output.isInteger() || shape.length != 2 || shape[0] != n || shape[1] != numClasses) {
            throw new ProtocolException(url + ": output \"" + output.name() + "\" is " + output.datatype() + " "
                    + Arrays.toString(shape) + "; this scheme needs scores [" + n + ", " + numClasses + "] (FP32)");
        }
        float[] scores = output.floats();
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isFinite(scores[i])) {
                throw new ProtocolException(url + ": answered a non-finite score for image " + i / numClasses);
            }
        }
        return scores;
    }
}
