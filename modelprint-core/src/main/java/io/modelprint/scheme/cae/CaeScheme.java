package io.modelprint.scheme.cae;

import io.modelprint.fleet.QuerySelection;
import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * CAE: conferrable adversarial examples chosen with the owner's fleet, labels, matching rate (the
 * paper's CAEAcc: the share of queries on which the suspect answers the target's class); similarity
 * in [0,1]. Verifying needs the suspect's labels only, and no fleet: the recorded selection is not
 * needed to compare.
 */
public final class CaeScheme implements SchemeFactory {
    /** The L-infinity radius for inputs in [0,1]: what we take to be the paper's CINIC-10 setting (docs/schemes.md says how sure). */
    public static final float DEFAULT_EPSILON = 0.025f;
    /** Matching rate at which an uncalibrated suspect is judged derived (docs/schemes.md says why). */
    public static final float DEFAULT_THRESHOLD = 0.75f;

    private static final ParameterSpec PARAMETERS = ParameterSpec.builder()
            .n(100, "number of queries")
            .real("epsilon", DEFAULT_EPSILON, Range.above(0), "radius of the L-infinity ball around each seed")
            .integer("steps", 100, Range.atLeast(1), "Adam steps per candidate")
            .real("lr", 0.005f, Range.above(0), "Adam's learning rate, in input units")
            .integer("pool", 3, Range.atLeast(1), "candidates made per query; the n most conferrable are kept")
            .real("share", 0.5f, Range.above(0).atMost(1),
                    "share of the surrogates and of the selection references each search step differentiates through, drawn anew"
                            + " every step (1: all of them)")
            .real("threshold", DEFAULT_THRESHOLD, Range.atLeast(0).atMost(1),
                    "matching rate at or above which an uncalibrated suspect is judged derived")
            .build();

    @Override
    public String name() {
        return "cae";
    }

    @Override
    public String summary() {
        return "conferrable adversarial examples chosen with the owner's fleet (transfer to surrogates, not to references),"
                + " labels, matching rate";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        ConferrableExamples generator = new ConferrableExamples(p.real("epsilon"), p.real("lr"), p.integer("steps"),
                p.integer("pool"),
                p.real("share"));
        return Scheme.labelMatching(name(), generator, p.real("threshold"), p);
    }

    /** The matching rate needs no selection: the recorded one is checked on reading and kept in the meta. */
    @Override
    public Scheme<?> create(SchemeParameters parameters, QuerySelection selection) {
        return create(parameters);
    }
}
