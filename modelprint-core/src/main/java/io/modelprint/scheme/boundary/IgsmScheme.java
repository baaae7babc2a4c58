package io.modelprint.scheme.boundary;

import io.modelprint.scheme.boundary.Igsm;
import io.modelprint.scheme.Access;
import io.modelprint.scheme.Labels;
import io.modelprint.scheme.MatchingRate;
import io.modelprint.scheme.Scheme;
import io.modelprint.scheme.SchemeFactory;
import io.modelprint.scheme.SchemeParameters;

/** iterated targeted gradient-sign steps within epsilon (paper baseline), labels, matching rate; similarity in [0,1]. */
public final class IgsmScheme implements SchemeFactory {
    @Override
    public String name() {
        return "igsm";
    }

    @Override
    public String summary() {
        return "iterated targeted gradient-sign steps within epsilon (paper baseline), labels, matching rate";
    }

    @Override
    public Access suspectAccess() {
        return Access.LABELS;
    }

    @Override
    public Scheme<?> create(SchemeParameters p) {
        Igsm generator = new Igsm(p.real("epsilon", 0.1f), p.real("alpha", Igsm.DEFAULT_ALPHA),
                p.integer("maxIter", Igsm.DEFAULT_MAX_ITERATIONS), Selections.read(p));
        return new Scheme<>(name(), new ChunkedGenerator(generator), new Labels(), new MatchingRate(), 0.5);
    }
}
