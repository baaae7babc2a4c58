package io.modelprint.engine;

import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Describes a model's output shapes readably, for messages refusing a model that does not answer one logits tensor. */
final class OutputShapes {
    private OutputShapes() {
    }

    /** E.g. "(2, 10, 2)", or "(2, 10) and (2, 5): a tuple of 2 outputs; modelprint needs one [N, classes] logits tensor". */
    static String describe(Shape[] shapes) {
        if (shapes.length == 0) {
            return "no output";
        }
        if (shapes.length == 1) {
            return shapes[0].toString();
        }
        String listed = Arrays.stream(shapes, 0, shapes.length - 1).map(Shape::toString).collect(Collectors.joining(", "))
                + " and " + shapes[shapes.length - 1];
        return listed + ": a tuple of " + shapes.length + " outputs; modelprint needs one [N, classes] logits tensor";
    }
}
