package io.modelprint.model.weights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;

/**
 * One layer as a fingerprint's {@code meta.json} lists it: its name, the unit groups it reads and
 * writes ({@link NetworkWeights#INPUT}, {@link NetworkWeights#OUTPUT} or a hidden group), the shape of
 * its weight ([out, in] or [out, in, kh, kw]), whether it has a bias, and the epsilon of the batch
 * norm after it (null: none). Its arrays are stored beside it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerSpec(String name, String input, String output, long[] shape, boolean bias, Float normEpsilon) {
    /** "conv [16, 1, 3, 3] (input -> s0)", for messages. */
    public String describe() {
        return name + " " + Arrays.toString(shape) + " (" + input + " -> " + output + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LayerSpec s && name.equals(s.name) && input.equals(s.input) && output.equals(s.output)
                && Arrays.equals(shape, s.shape) && bias == s.bias && java.util.Objects.equals(normEpsilon, s.normEpsilon);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, input, output, Arrays.hashCode(shape), bias, normEpsilon);
    }
}
