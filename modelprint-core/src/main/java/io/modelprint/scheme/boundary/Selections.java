package io.modelprint.scheme.boundary;

import io.modelprint.InputException;
import io.modelprint.scheme.boundary.SeedSelection;
import io.modelprint.scheme.SchemeParameters;

/** Reads the paper's T/R x L/R combination from scheme parameters ("init" and "label"). */
final class Selections {
    private Selections() {}

    static SeedSelection read(SchemeParameters parameters) {
        String init = parameters.text("init", "data");
        String label = parameters.text("label", "least-likely");
        try {
            return new SeedSelection(SeedSelection.Init.parse(init), SeedSelection.TargetLabel.parse(label));
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }
}
