package io.modelprint.scheme.boundary;

import io.modelprint.scheme.boundary.IpGuard;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.MatchingRate;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** IPGuard (Cao et al. 2021): points near the target's boundary x labels x matching rate; similarity in [0,1]. */
public final class IpGuardScheme implements SchemeFactory {
    @Override
    public String name() {
        return "ipguard";
    }

    @Override
    public String summary() {
        return "points near the target's classification boundary (paper eq. 5), labels, matching rate";
    }

    @Override
    public Access suspectAccess() {
        return Access.LABELS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        IpGuard generator = new IpGuard(p.real("k", 3f), p.real("lr", 0.01f), p.integer("maxIter", 1000), Selections.read(p),
                p.flag("clip", true));
        return new Scheme<>(name(), new ChunkedGenerator(generator), new Labels(), new MatchingRate(), 0.5);
    }
}
