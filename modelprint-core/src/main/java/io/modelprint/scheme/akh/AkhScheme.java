package io.modelprint.scheme.akh;

import io.modelprint.scheme.Access;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.MatchingRate;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * AKH ("Anna Karenina" negative fingerprint, QuRD baseline): a copy repeats the target's mistakes.
 * Queries = inputs the target misclassifies; labels; matching rate in [0,1] (independent models
 * rarely give the target's wrong label).
 */
public final class AkhScheme implements SchemeFactory {
    public static final double DEFAULT_THRESHOLD = 0.8;

    @Override
    public String name() {
        return "akh";
    }

    @Override
    public String summary() {
        return "inputs the target misclassifies, labels, matching rate (label-only)";
    }

    @Override
    public Access suspectAccess() {
        return Access.LABELS;
    }

    @Override
    public String defaultSplit() {
        return "test";
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        return new Scheme<>(name(), new MisclassifiedInputs(p.flag("augment", true)), new Labels(), new MatchingRate(),
                DEFAULT_THRESHOLD);
    }
}
