package io.modelprint.scheme.boundary;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/**
 * IPGuard's boundary points moved to where three classes meet (boundary multipoints), labels,
 * matching rate; similarity in [0,1]. Its parameters are IPGuard's, plus the tolerance on the tie.
 */
public final class IpGuardMultipointScheme implements SchemeFactory {
    private static final ParameterSpec PARAMETERS = Selections.declare(ParameterSpec.builder())
            .real("k", 3f, Range.atLeast(0), "margin: the target label leads the two other labels of the triple by k logits")
            .real("tol", 0.1f, Range.above(0), "how close to k the two gaps must come, in logits")
            .real("lr", 0.01f, Range.above(0), "Adam learning rate")
            .integer("maxIter", 1000, Range.atLeast(0), "Adam steps at most per point")
            .flag("clip", true, "clip points to the input range after every step")
            .build();

    @Override
    public String name() {
        return "ipguard-multipoint";
    }

    @Override
    public String summary() {
        return "points where three of the target's classes meet (IPGuard with a third label tied), labels, matching rate";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        IpGuardMultipoint generator = new IpGuardMultipoint(p.real("k"), p.real("tol"), p.real("lr"), p.integer("maxIter"),
                Selections.read(p), p.flag("clip"));
        return Scheme.labelMatching(name(), new ChunkedGenerator(generator), p);
    }
}
