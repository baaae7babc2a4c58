package io.modelprint.scheme;

import io.modelprint.model.weights.LayerSpec;
import java.util.List;

/**
 * A model's hidden layer on a fingerprint's test cases (DeepJudge's white-box metrics): per test case
 * each unit's output (a channel's mean over its positions), flat [tests, units], and the model's layers
 * with weights ({@code network}), so that two models of different architectures are told apart before
 * their units are compared. Immutable by contract: callers must not change the array.
 */
public record LayerActivations(int tests, int units, float[] values, List<LayerSpec> network) {
    public LayerActivations {
        if (tests < 0 || units < 1) {
            throw new IllegalArgumentException("layer activations need tests >= 0 and units >= 1, got " + tests + ", " + units);
        }
        if (values.length != (long) tests * units) {
            throw new IllegalArgumentException(tests + " tests x " + units + " units need " + (long) tests * units
                    + " values, got " + values.length);
        }
        if (network == null || network.isEmpty()) {
            throw new IllegalArgumentException("layer activations need the layers of the network they come from");
        }
        network = List.copyOf(network);
    }

    /** Unit {@code unit}'s output on test {@code test}. */
    public float at(int test, int unit) {
        return values[test * units + unit];
    }

    /** The activations of {@code rows}, in that order. */
    public LayerActivations select(int[] rows) {
        float[] picked = new float[rows.length * units];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(values, rows[i] * units, picked, i * units, units);
        }
        return new LayerActivations(rows.length, units, picked, network);
    }

    /** The first non-finite value's test case, or -1 when every value is finite. */
    public int firstNonFiniteTest() {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return i / units;
            }
        }
        return -1;
    }
}
