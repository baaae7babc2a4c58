package io.modelprint.scheme.sac;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.scheme.MisclassifiedInputs;

/**
 * SAC (Guan et al., NeurIPS 2022): the correlation between the model's answers on pairs of queries.
 * SAC-w queries the target's wrong samples, SAC-m CutMix images; from scores (logits) or, in the
 * hard variants, from labels only. Similarity 1 - mean |dC| in [0,1].
 */
public final class SacScheme implements SchemeFactory {
    /** Where the queries come from. */
    public enum Samples {
        WRONG("w"),
        MIXED("m");

        final String code;

        Samples(String code) {
            this.code = code;
        }
    }

    private final Samples samples;
    private final boolean hard;
    private final ParameterSpec parameters;

    public SacScheme(Samples samples, boolean hard) {
        this.samples = samples;
        this.hard = hard;
        ParameterSpec.Builder spec = ParameterSpec.builder().n(100, "number of queries");
        if (samples == Samples.WRONG) {
            spec.flag("augment", true, "when the split has too few mistakes, add mirrored and CutMix copies the target still gets wrong");
        } else {
            spec.real("box", 0.4f, Range.above(0).atMost(1), "side of the CutMix box, as a fraction of the image side")
                    .recordedOnly("boxPlacement");
        }
        this.parameters = spec.build();
    }

    @Override
    public String name() {
        return "sac-" + samples.code + (hard ? "-hard" : "");
    }

    @Override
    public String summary() {
        return (samples == Samples.WRONG ? "inputs the target misclassifies" : "test images with a CutMix box from a partner")
                + ", pairwise " + (hard ? "label agreement (label-only)" : "cosine of logits (scores)")
                + ", 1 - mean absolute difference";
    }

    @Override
    public ParameterSpec parameters() {
        return parameters;
    }

    @Override
    public String defaultSplit() {
        return "test";
    }

    /**
     * Similarity at or above which a suspect is derived: above the highest of the quick bench's 15
     * independent models (docs/schemes.md); calibrate for a p-value instead of trusting it.
     */
    public double defaultThreshold() {
        if (samples == Samples.WRONG) {
            return hard ? 0.90 : 0.96;
        }
        return 0.93;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        QueryGenerator queries = samples == Samples.WRONG ? new MisclassifiedInputs(p.flag("augment"))
                : new CutMixQueries(p.real("box"));
        return new Scheme<>(name(), queries, new CorrelationMatrix(hard), new MeanAbsoluteAgreement(), defaultThreshold(), p);
    }
}
