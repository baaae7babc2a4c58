package io.modelprint.verify;

import io.modelprint.data.InputSpec;
import io.modelprint.fingerprint.Fingerprint;
import io.modelprint.model.Classifier;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.Schemes;

/**
 * Whether a suspect can be asked a fingerprint's queries and compared under its scheme: the input it takes,
 * the access it offers and the classes it answers. One check for verify (which refuses) and scan (which
 * reports the fingerprint as incompatible and goes on).
 */
public final class SuspectFit {
    private SuspectFit() {
    }

    /** Why {@code suspect} cannot be compared under {@code scheme} with {@code fingerprint}, or null when it can. */
    public static String problem(Fingerprint fingerprint, Scheme<?> scheme, Classifier suspect, Access offered) {
        var spec = fingerprint.meta().inputSpec();
        if (!spec.compatibleWith(suspect.inputSpec())) {
            return "takes input " + suspect.inputSpec() + " but the fingerprint's queries are " + spec + " "
                    + InputSpec.SHAPE_HINT;
        }
        if (!offered.covers(scheme.suspectAccess())) {
            return "offers " + offered.label() + " only, but scheme " + scheme.name() + " compares "
                    + scheme.suspectAccess().label() + (scheme.suspectAccess().whoGivesIt() != null ? " (" + scheme.suspectAccess().whoGivesIt() + ")" : "")
                    + "; schemes that work with " + offered.label() + ": " + String.join(", ", Schemes.usableWith(offered));
        }
        int targetClasses = fingerprint.meta().numClasses();
        if (suspect.numClasses() != targetClasses && !scheme.comparesAcrossTasks()) {
            return "has " + suspect.numClasses() + " classes but the fingerprint's target has " + targetClasses
                    + "; schemes that compare models of other tasks: " + String.join(", ", Schemes.acrossTasks());
        }
        return null;
    }
}
