package io.modelprint.fingerprint;

import io.modelprint.InputException;
import io.modelprint.io.Npy;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.LayerActivations;
import io.modelprint.scheme.Schemes;
import java.util.Arrays;

/**
 * The target's hidden layer on the test cases in a fingerprint file ({@code activations.npy}: float32
 * [n, units], one row per query), for schemes that compare hidden layers; meta.json's {@code network}
 * lists the target's layers they come from (names and shapes, no weights).
 */
final class FingerprintActivations {
    private FingerprintActivations() {}

    /** Refused when the scheme {@code meta} names compares hidden layers and the file holds no activations ({@code present}). */
    static void requireFor(String where, FingerprintMeta meta, boolean present) {
        boolean layers = meta.formatVersion() == 2 && Schemes.find(meta.scheme())
                .map(f -> f.withDefaults().suspectAccess() == Access.LAYERS).orElse(false);
        if (layers && !present) {
            throw new InputException(where + ": scheme " + meta.scheme() + " compares hidden layers, but the file holds no layer"
                    + " activations (no " + FingerprintParts.ACTIVATIONS + "): the scheme does not fit the arrays");
        }
    }

    /** {@code activations} read as the target's layer on {@code n} queries; {@code where} names the file. */
    static LayerActivations decode(String where, Npy.Array activations, FingerprintMeta meta, long n) {
        long[] shape = activations.shape();
        if (shape.length != 2 || shape[0] != n || shape[1] < 1 || shape[1] > Integer.MAX_VALUE) {
            throw new InputException(where + ": " + FingerprintParts.ACTIVATIONS + " has shape " + Arrays.toString(shape)
                    + "; expected [" + n + ", units] (the queries' count, then one value per unit of the layer)");
        }
        if (meta.network() == null || meta.network().isEmpty()) {
            throw new InputException(where + ": holds " + FingerprintParts.ACTIVATIONS + " but meta.json lists no network they"
                    + " come from");
        }
        for (var spec : meta.network()) {
            if (spec == null || spec.name() == null || spec.shape() == null || spec.input() == null || spec.output() == null) {
                throw new InputException(where + ": meta.json's network has a layer without name, shape, input or output");
            }
        }
        try {
            return new LayerActivations((int) n, (int) shape[1], activations.toFloats(), meta.network());
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + FingerprintParts.ACTIVATIONS + ": " + e.getMessage());
        }
    }
}
