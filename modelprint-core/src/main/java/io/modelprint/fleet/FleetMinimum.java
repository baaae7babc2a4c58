package io.modelprint.fleet;

/**
 * The smallest fleet a fleet-selected scheme works with: surrogates and references in the selection
 * part of a {@link FleetSplit} (they {@code use} it: "choose queries", "learn from"), references held
 * out to calibrate (0 when the scheme leaves calibration to the caller), and {@code why}, one clause
 * a refusal quotes so the owner knows what more models would buy.
 */
public record FleetMinimum(int surrogates, int selectionReferences, int calibrationReferences, String use, String why) {
    public FleetMinimum {
        if (surrogates < 0 || selectionReferences < 0 || calibrationReferences < 0) {
            throw new IllegalArgumentException("a fleet minimum counts models: " + surrogates + ", " + selectionReferences + ", "
                    + calibrationReferences);
        }
    }
}
