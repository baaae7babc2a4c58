package io.modelprint.cli;

import io.modelprint.InputException;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fleet.FleetSplit;
import io.modelprint.lab.fleet.FleetDirectory;
import io.modelprint.scheme.FleetSelectedQueries;
import io.modelprint.scheme.Scheme;
import io.modelprint.verify.CalibrationReference;
import io.modelprint.verify.Calibrator;
import io.modelprint.verify.FleetReferences;
import io.modelprint.verify.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code extract --fleet}: the cross-fitting split of the owner's fleet that fleet-selected schemes
 * choose their queries with, and the calibration of every extracted fingerprint with the references
 * held out of that choice (every reference, for schemes the fleet does not choose for), so the
 * written fingerprint's verdict comes from its p-value.
 */
final class FleetExtraction {
    private FleetExtraction() {}

    /** The split of the fleet in {@code dir} for {@code seed}; refused when it cannot calibrate every scheme. */
    static FleetSplit split(Path dir, long seed, List<Scheme<?>> schemes) {
        for (Scheme<?> scheme : schemes) {
            if (scheme.asksTampering()) {
                throw new io.modelprint.InputException("--fleet: " + scheme.name() + " asks whether a model is still exactly the"
                        + " target; its tolerance is not calibrated against references, so it takes no fleet");
            }
        }
        FleetDirectory fleet = FleetDirectory.open(dir);
        FleetSplit split = FleetSplit.crossFit(fleet, seed);
        for (Scheme<?> scheme : schemes) {
            boolean selected = scheme.queries() instanceof FleetSelectedQueries;
            int heldOut = selected ? split.calibrationReferences().size() : fleet.references().size();
            if (heldOut < Calibrator.MIN_REFERENCES) {
                throw new InputException("--fleet " + dir + ": " + heldOut + " references would calibrate " + scheme.name()
                        + (selected ? " (held out of the " + split.selectionReferences().size() + " that choose its queries)" : "")
                        + "; a calibration needs at least " + Calibrator.MIN_REFERENCES + ", and p-values down to 0.01 need 8:"
                        + " build a fleet with more references");
            }
        }
        System.err.printf("extract: fleet %s: %d surrogates, %d references (%d choose fleet-selected queries, %d calibrate them)%n",
                fleet.location(), split.surrogates().size(), fleet.references().size(), split.selectionReferences().size(),
                split.calibrationReferences().size());
        return split;
    }

    /** Each of {@code fingerprints} (to be written to {@code out}) calibrated with the references held out of its selection. */
    static List<Fingerprint> calibrate(FleetSplit split, List<Fingerprint> fingerprints, Path out) {
        List<Fingerprint> calibrated = new ArrayList<>();
        int fewest = Integer.MAX_VALUE;
        for (Fingerprint fingerprint : fingerprints) {
            String name = out + " (" + fingerprint.meta().scheme() + ")";
            List<CalibrationReference> references = FleetReferences.heldOut(split, fingerprint, name);
            fewest = Math.min(fewest, references.size());
            calibrated.add(CalibrationRun.calibrate("extract", fingerprint, name, references));
        }
        CalibrationRun.warnIfTooFew("extract", fewest, Verifier.DEFAULT_ALPHA, fingerprints.size());
        return calibrated;
    }
}
