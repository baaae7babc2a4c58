package io.modelprint.scheme.boundary;

import io.modelprint.scheme.Parameter.Range;
import io.modelprint.scheme.ParameterSpec;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** IPGuard (Cao et al. 2021): points near the target's boundary x labels x matching rate; similarity in [0,1]. */
public final class IpGuardScheme implements SchemeFactory {
    private static final ParameterSpec PARAMETERS = Selections.declare(ParameterSpec.builder())
            .real("k", 3f, Range.atLeast(0), "margin: the target label leads the seed's label by at least k logits")
            .real("lr", 0.01f, Range.above(0), "Adam learning rate")
            .integer("maxIter", 1000, Range.atLeast(0), "Adam steps at most per point")
            .flag("clip", true, "clip points to the input range after every step")
            .recordedOnly("optimizer")
            .build();

    @Override
    public String name() {
        return "ipguard";
    }

    @Override
    public String summary() {
        return "points near the target's classification boundary (paper eq. 5), labels, matching rate";
    }

    @Override
    public ParameterSpec parameters() {
        return PARAMETERS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        IpGuard generator = new IpGuard(p.real("k"), p.real("lr"), p.integer("maxIter"), Selections.read(p), p.flag("clip"));
        return Scheme.labelMatching(name(), new ChunkedGenerator(generator), p);
    }
}
