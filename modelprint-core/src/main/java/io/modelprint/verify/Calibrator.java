package io.modelprint.verify;

import io.modelprint.InputException;
import io.modelprint.ProgressListener;
import io.modelprint.fingerprint.Calibration;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.fleet.FleetMember;
import io.modelprint.fleet.QuerySelection;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Scheme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Calibrates a fingerprint: asks every reference the fingerprint's queries, and stores their
 * similarities with their names, kinds and weight hashes in the fingerprint's meta. A reference
 * that helped choose the queries (its weights are in the fingerprint's {@link QuerySelection}) is
 * refused: queries picked to suit it would make it look unlike the target and every p-value too
 * small (cross-fitting). The same model twice would count as two independent models: refused too.
 */
public final class Calibrator {
    /** At least this many references: a spread needs two. */
    public static final int MIN_REFERENCES = 2;

    /** A reference at least this similar is suspiciously like the target itself. */
    private static final double LIKE_THE_TARGET = 0.999;

    private Calibrator() {}

    /**
     * {@code fingerprint} with a calibration from {@code references}; {@code name} names the
     * fingerprint in messages, {@code warnings} hears of references as similar as the target itself.
     */
    public static Fingerprint calibrate(Fingerprint fingerprint, String name, List<CalibrationReference> references,
            ProgressListener progress, Consumer<String> warnings) {
        requireUsable(fingerprint, name, references);
        Verifier verifier = new Verifier((Double) null);
        Scheme<?> scheme = fingerprint.scheme();
        double[] rates = new double[references.size()];
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            CalibrationReference reference = references.get(i);
            progress.update(i, references.size(), reference.name());
            try (Classifier model = reference.open(fingerprint)) {
                rates[i] = verifier.verify(fingerprint, model).similarity();
            }
            names.add(reference.name());
            kinds.add(reference.kind());
            hashes.add(reference.weightsSha256());
            if (rates[i] >= LIKE_THE_TARGET) {
                warnings.accept(String.format("%s is as similar to the target as the target itself under %s (%.3f);"
                        + " is it really independent?", reference.name(), scheme.name(), rates[i]));
            }
        }
        progress.update(references.size(), references.size(), "done");
        Calibration calibration = new Calibration(Verifier.calibrationModel(scheme), names, rates, fingerprint.size(), kinds,
                hashes);
        return fingerprint.withMeta(fingerprint.meta().withCalibration(calibration));
    }

    /** Refused: a tampering scheme (nothing to calibrate), fewer than 2 references, one model twice, or a reference that chose the queries. */
    public static void requireUsable(Fingerprint fingerprint, String name, List<CalibrationReference> references) {
        if (fingerprint.scheme().asksTampering()) {
            throw new InputException(name + ": scheme " + fingerprint.meta().scheme() + " asks whether a model is still exactly"
                    + " the target (" + io.modelprint.scheme.Question.TAMPERING.vocabulary() + "), decided by the tolerance an"
                    + " honest re-export needs; independent models say nothing about that tolerance, so it is not calibrated");
        }
        if (references.size() < MIN_REFERENCES) {
            throw new InputException("calibrating " + name + " needs at least " + MIN_REFERENCES + " reference negatives, got "
                    + references.size());
        }
        Map<String, String> byWeights = new HashMap<>();
        for (CalibrationReference reference : references) {
            requireHeldOut(fingerprint.meta().selection(), name, reference);
            if (reference.weightsSha256() == null) {
                continue;
            }
            String earlier = byWeights.putIfAbsent(reference.weightsSha256(), reference.name());
            if (earlier != null) {
                throw new InputException(reference.name() + " has the same weights as " + earlier + " (SHA-256 "
                        + shortHash(reference.weightsSha256()) + "); each copy would count as another independent model and"
                        + " overstate every p-value");
            }
        }
    }

    private static void requireHeldOut(QuerySelection selection, String name, CalibrationReference reference) {
        if (selection == null || !selection.choseWith(reference.weightsSha256())) {
            return;
        }
        FleetMember member = selection.chosenBy().stream().filter(m -> reference.weightsSha256().equals(m.sha256()))
                .findFirst().orElseThrow();
        throw new InputException(reference.name() + " cannot calibrate " + name + ": its weights (SHA-256 "
                + shortHash(reference.weightsSha256()) + ") are those of " + member.name() + " of fleet "
                + selection.fleetLocation() + ", which helped choose the fingerprint's queries; queries picked to tell it"
                + " from the surrogates would make it look unlike the target and every p-value too small. Calibrate with"
                + " references held out of selection (calibrate --fleet DIR takes only those)");
    }

    private static String shortHash(String sha256) {
        return sha256.substring(0, Math.min(16, sha256.length())) + "...";
    }
}
