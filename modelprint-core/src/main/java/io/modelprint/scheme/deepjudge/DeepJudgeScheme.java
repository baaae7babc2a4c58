package io.modelprint.scheme.deepjudge;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * DeepJudge's black-box testing (Chen et al., S&P 2022): the target's most certain correct seeds and
 * PGD test cases made on it; robustness distance and Jensen-Shannon divergence of output
 * distributions, one similarity 1 − (RobD + JSD) / 2 in [0,1] (scores). DeepJudge thresholds each
 * metric on independent models and votes; here `calibrate` does that with reference negatives.
 */
public final class DeepJudgeScheme implements SchemeFactory {
    public static final double DEFAULT_THRESHOLD = 0.7;
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .n(100, "number of queries: an even number, seeds and their test cases in pairs")
            .real("epsilon", 0.1f, Range.above(0), "radius of the PGD test cases' L-infinity ball")
            .integer("steps", 10, Range.atLeast(1), "PGD steps (step size 2.5 epsilon / steps)")
            .build();

    @Override
    public String name() {
        return "deepjudge";
    }

    @Override
    public String summary() {
        return "the target's most certain correct seeds and PGD test cases made on it, robustness distance and"
                + " Jensen-Shannon divergence (scores)";
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
        return new Scheme<>(name(), new AdversarialTestCases(p.real("epsilon"), p.integer("steps")), new TestOutputs(),
                new RobustnessAndDivergence(), DEFAULT_THRESHOLD, p);
    }
}
