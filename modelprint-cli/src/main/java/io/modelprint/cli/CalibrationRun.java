package io.modelprint.cli;

import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.verify.CalibrationReference;
import io.modelprint.verify.Calibrator;
import io.modelprint.verify.DecisionReach;
import io.modelprint.verify.SupportedPValue;
import java.util.List;

/** One fingerprint calibrated from the command line (calibrate, extract --fleet): progress and warnings on stderr. */
final class CalibrationRun {
    private CalibrationRun() {}

    /** {@code fingerprint} ({@code name} in messages) calibrated with {@code references}. */
    static Fingerprint calibrate(String command, Fingerprint fingerprint, String name, List<CalibrationReference> references) {
        Calibrator.requireUsable(fingerprint, name, references);
        Fingerprint done;
        try (Progress progress = Progress.start(command + " " + fingerprint.meta().scheme())) {
            done = Calibrator.calibrate(fingerprint, name, references, progress,
                    warning -> System.err.println(command + ": warning: " + warning));
        }
        return done;
    }

    /** Warns when {@code references} cannot support a p-value as small as {@code alpha} / {@code members} (a bundle's members). */
    static void warnIfTooFew(String command, int references, double alpha, int members) {
        double level = alpha / members;
        if (SupportedPValue.floor(references) > level) {
            String which = members > 1 ? DecisionReach.level(level) + " (alpha " + DecisionReach.level(alpha) + " / " + members
                    + " schemes of the bundle)" : DecisionReach.level(alpha);
            System.err.printf("%s: warning: %d reference negatives support p-values down to %.2g only, above %s:"
                    + " no calibrated verdict can say derived at that level; calibrate with %d or more (docs/verification.md)%n",
                    command, references, SupportedPValue.floor(references), which, SupportedPValue.referencesFor(level));
        }
    }
}
