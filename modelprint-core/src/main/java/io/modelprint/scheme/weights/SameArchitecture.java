package io.modelprint.scheme.weights;

import io.modelprint.InputException;
import io.modelprint.model.weights.LayerSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Whether two networks can be weight-matched: the same layers in the same order, each with the same
 * weight shape and reading and writing the same groups. A bias or a batch norm present in one and not
 * the other does not matter (both are folded into an affine layer). Anything else is refused, naming
 * both models' layers where they diverge.
 */
final class SameArchitecture {
    private SameArchitecture() {}

    static void require(List<LayerSpec> target, List<LayerSpec> suspect) {
        int common = Math.min(target.size(), suspect.size());
        for (int i = 0; i < common; i++) {
            LayerSpec t = target.get(i);
            LayerSpec s = suspect.get(i);
            if (!Arrays.equals(t.shape(), s.shape()) || !t.input().equals(s.input()) || !t.output().equals(s.output())) {
                throw new InputException(prefix(target, suspect) + "at layer " + (i + 1) + " the target has " + t.describe()
                        + ", the suspect " + s.describe());
            }
        }
        if (target.size() != suspect.size()) {
            List<LayerSpec> longer = target.size() > suspect.size() ? target : suspect;
            throw new InputException(prefix(target, suspect) + "after layer " + common + " the "
                    + (longer == target ? "target" : "suspect") + " goes on with " + longer.get(common).describe());
        }
    }

    private static String prefix(List<LayerSpec> target, List<LayerSpec> suspect) {
        return "weights compares models of one architecture, and the suspect's differs from the target's (target: "
                + target.size() + " layers with weights, suspect: " + suspect.size() + "): ";
    }
}
