package io.modelprint.scheme.sac;

import io.modelprint.scheme.Access;
import io.modelprint.scheme.QueryGenerator;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;
import io.modelprint.scheme.akh.MisclassifiedInputs;

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

    public SacScheme(Samples samples, boolean hard) {
        this.samples = samples;
        this.hard = hard;
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
    public Access suspectAccess() {
        return hard ? Access.LABELS : Access.SCORES;
    }

    @Override
    public boolean comparesAcrossTasks() {
        return true;
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
        QueryGenerator queries = samples == Samples.WRONG ? new MisclassifiedInputs(p.flag("augment", true))
                : new CutMixQueries(p.real("box", 0.4f));
        return new Scheme<>(name(), queries, new CorrelationMatrix(hard), new MeanAbsoluteAgreement(), defaultThreshold());
    }
}
