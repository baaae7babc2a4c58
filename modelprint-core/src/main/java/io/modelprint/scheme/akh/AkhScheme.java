package io.modelprint.scheme.akh;

import io.modelprint.scheme.MisclassifiedInputs;
import io.modelprint.scheme.ParameterSpec;
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
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .n(100, "number of queries")
            .flag("augment", true, "when the split has too few mistakes, add mirrored and CutMix copies the target still gets wrong")
            .build();

    @Override
    public String name() {
        return "akh";
    }

    @Override
    public String summary() {
        return "inputs the target misclassifies, labels, matching rate (label-only)";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public String defaultSplit() {
        return "test";
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        return Scheme.labelMatching(name(), new MisclassifiedInputs(p.flag("augment")), DEFAULT_THRESHOLD, p);
    }
}
