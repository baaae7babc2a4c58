package io.modelprint.model.remote;

import java.util.Arrays;

/** One input or output of a served model as its metadata describes it; -1 marks a variable dimension. */
public record TensorMetadata(String name, String datatype, long[] shape) {
    public TensorMetadata {
        shape = shape.clone();
    }

    public String describe() {
        return name + " " + datatype + " " + Arrays.toString(shape);
    }
}
