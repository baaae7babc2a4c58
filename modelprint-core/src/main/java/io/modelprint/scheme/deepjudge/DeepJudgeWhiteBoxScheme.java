package io.modelprint.scheme.deepjudge;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * DeepJudge's white-box testing (Chen et al., S&P 2022): test cases that drive each unit of one hidden
 * layer of the target far above its usual output; the suspect's outputs of the same layer compared with
 * the target's by NOD, NAD, LOD and LAD, one similarity 1 − their mean in [0,1]. The suspect must be a
 * model file of the target's architecture whose layers modelprint reads (access "layers").
 */
public final class DeepJudgeWhiteBoxScheme implements SchemeFactory {
    /** Not from a bench run: see docs/schemes.md for what it was set from. */
    public static final double DEFAULT_THRESHOLD = 0.7;
    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .n(100, "number of test cases; case t drives unit t mod (the layer's units)")
            .integer("layer", 1, Range.atLeast(1), "the hidden layer compared: layers with weights counted back from the"
                    + " logits layer (1: the last hidden layer)")
            .real("m", 3f, Range.above(0), "a test case's goal: m x its unit's largest output over the seeds")
            .real("lr", 0.01f, Range.above(0), "Adam's learning rate, a fraction of the input range")
            .integer("maxIter", 100, Range.atLeast(1), "steps per test case at most")
            .real("theta", 0.5f, Range.atLeast(0).atMost(1), "a unit is active when its output, min-max scaled over the"
                    + " layer, exceeds theta (NAD, LAD)")
            .build();

    @Override
    public String name() {
        return ProbedLayer.SCHEME;
    }

    @Override
    public String summary() {
        return "test cases driving each unit of one hidden layer of the target, the layer's outputs compared by"
                + " DeepJudge's NOD, NAD, LOD and LAD (layers: model files of the target's architecture)";
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
        ProbedLayer layer = new ProbedLayer(p.integer("layer"));
        return new Scheme<>(name(), new NeuronTestCases(layer, p.real("m"), p.real("lr"), p.integer("maxIter")),
                new LayerOutputs(layer), new LayerDistances(p.real("theta")), DEFAULT_THRESHOLD, p);
    }
}
