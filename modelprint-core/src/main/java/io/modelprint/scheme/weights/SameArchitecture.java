package io.modelprint.scheme.weights;

import io.modelprint.InputException;
import io.modelprint.model.weights.LayerSpec;
import io.modelprint.model.weights.NetworkWeights;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether two networks can be weight-matched: the same layers in the same order, each with the same
 * weight shape, connected the same way (the groups they read and write correspond one to one, the
 * input and the logits to themselves; their names may differ). A bias or a batch norm present in one
 * and not the other does not matter (both are folded into an affine layer). Anything else is refused,
 * naming both models' layers where they diverge.
 */
public final class SameArchitecture {
    private SameArchitecture() {}

    /** The suspect's group names mapped to the target's; refused when the architectures differ. */
    static Map<String, String> require(List<LayerSpec> target, List<LayerSpec> suspect) {
        return require("weights", target, suspect);
    }

    /** As above, for {@code scheme} (named in the refusal). */
    public static Map<String, String> require(String scheme, List<LayerSpec> target, List<LayerSpec> suspect) {
        Map<String, String> toTarget = new HashMap<>(Map.of(NetworkWeights.INPUT, NetworkWeights.INPUT,
                NetworkWeights.OUTPUT, NetworkWeights.OUTPUT));
        Map<String, String> toSuspect = new HashMap<>(toTarget);
        int common = Math.min(target.size(), suspect.size());
        for (int i = 0; i < common; i++) {
            LayerSpec t = target.get(i);
            LayerSpec s = suspect.get(i);
            if (!Arrays.equals(t.shape(), s.shape()) || !corresponds(s.input(), t.input(), toTarget, toSuspect)
                    || !corresponds(s.output(), t.output(), toTarget, toSuspect)) {
                throw new InputException(prefix(scheme, target, suspect) + "at layer " + (i + 1) + " the target has " + t.describe()
                        + ", the suspect " + s.describe());
            }
        }
        if (target.size() != suspect.size()) {
            List<LayerSpec> longer = target.size() > suspect.size() ? target : suspect;
            throw new InputException(prefix(scheme, target, suspect) + "after layer " + common + " the "
                    + (longer == target ? "target" : "suspect") + " goes on with " + longer.get(common).describe());
        }
        return toTarget;
    }

    /** Whether suspect group {@code s} is target group {@code t}, pairing them on first sight. */
    private static boolean corresponds(String s, String t, Map<String, String> toTarget, Map<String, String> toSuspect) {
        String paired = toTarget.putIfAbsent(s, t);
        String back = toSuspect.putIfAbsent(t, s);
        return (paired == null || paired.equals(t)) && (back == null || back.equals(s));
    }

    private static String prefix(String scheme, List<LayerSpec> target, List<LayerSpec> suspect) {
        return scheme + " compares models of one architecture, and the suspect's differs from the target's (target: "
                + target.size() + " layers with weights, suspect: " + suspect.size() + "): ";
    }
}
